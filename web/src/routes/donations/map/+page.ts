// The donation map needs WebGL and the browser: no server rendering.
export const ssr = false;
export const prerender = false;
