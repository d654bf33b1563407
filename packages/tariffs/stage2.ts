const N = 200000;
function time(label: string, f: () => unknown) { for (let i=0;i<N/5;i++) f(); let best = Infinity; for (let r=0;r<5;r++){ const c = process.cpuUsage(); for (let i=0;i<N/5;i++) f(); const u = process.cpuUsage(c); best = Math.min(best, (u.user+u.system)/(N/5)); } console.log(label.padEnd(12), best.toFixed(3), 'us cpu'); }
const big = { a: 1, b: [1, 2], c: 'x' };
time('getters', () => { let a: number[] | undefined; let b: number[] | undefined; return { x: 1, y: 'a', z: 'b', w: false, cdr: big, get a() { a ??= [1]; return a; }, get b() { b ??= [1]; return b; }, warnings: [] }; });
class R { #a?: number[]; #b?: number[]; constructor(readonly x: number, readonly y: string, readonly z: string, readonly w: boolean, readonly cdr: object, private readonly src: object, readonly warnings: unknown[]) {} get a() { this.#a ??= [1]; return this.#a; } get b() { this.#b ??= [1]; return this.#b; } }
time('class', () => new R(1, 'a', 'b', false, big, big, []));
time('plain', () => { const a = [1]; return { x: 1, a }; });
