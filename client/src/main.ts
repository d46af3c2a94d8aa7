import { mount } from 'svelte';
import App from './App.svelte';
import { credentials } from './lib/credentials.js';
import './app.css';

// Before anything reads the address: the router must never see (or keep) a `?token=`.
credentials.adoptFromLocation();

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

export default mount(App, { target });
