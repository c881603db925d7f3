// A client-only single-page app: the map needs the browser, and adapter-static serves
// index.html as the fallback for every path.
export const ssr = false;
export const prerender = false;
