export {
  ClusterIndex,
  defaultClusterOptions,
  type ClusterIndexOptions,
  type ClusterItem,
} from './cluster-index.js';
export type { Cluster, ClusterAssignment } from './clusters.js';
export { terms } from './terms.js';
