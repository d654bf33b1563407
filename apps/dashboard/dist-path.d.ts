/** Where `vite build` writes the dashboard; apps/api serves it at `/`. */
export declare const dashboardDist: string;
