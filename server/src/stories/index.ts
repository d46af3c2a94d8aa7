export { StoryIndex, defaultStoryOptions, type StoryIndexOptions, type StoryItem } from './story-index.js';
export type { Story, StoryAssignment } from './story-book.js';
export { terms } from './terms.js';
