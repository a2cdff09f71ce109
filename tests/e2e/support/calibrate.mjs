// A fixed reference workload run in the page, to judge a browser benchmark against the speed of
// the machine it runs on: these machines are shared and differ 2-3x in speed, so a benchmark
// gates on its time divided by this one's (measured in the same run, same browser), and prints
// both the absolute figure and the ratio.

/**
 * The median time, in ms, of `runs` runs of a fixed workload in `page`: building, sorting and
 * hashing strings, then building 400 elements, laying them out and removing them (what a
 * render of the app does, in plain JavaScript and DOM).
 */
export async function calibrate(page, runs = 21) {
  return page.evaluate((runs) => {
    const times = [];
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      const xs = [];
      let h = 2166136261;
      for (let i = 0; i < 20000; i++) xs.push(`item-${(i * 7919) % 20011}-${r}`);
      xs.sort();
      for (const s of xs) for (let j = 0; j < s.length; j++) h = Math.imul(h ^ s.charCodeAt(j), 16777619);
      const box = document.createElement("div");
      for (let i = 0; i < 400; i++) {
        const p = document.createElement("p");
        p.textContent = `line ${i} ${h & 255}`;
        box.appendChild(p);
      }
      document.body.appendChild(box);
      void box.offsetHeight;
      box.remove();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
  }, runs);
}

/** Prints a figure against its budget as a ratio to the reference; returns whether it holds. */
export function gate(what, ms, reference, budgetRatio, goalMs) {
  const ratio = ms / reference;
  const ok = ratio <= budgetRatio;
  const goal = goalMs === undefined ? "" : `; goal ${goalMs} ms ${ms <= goalMs ? "met" : "not met on this machine"}`;
  console.log(`${ok ? "ok  " : "FAIL"} ${what}: ${ms.toFixed(1)} ms = ${ratio.toFixed(2)} x reference (${reference.toFixed(1)} ms) <= budget ${budgetRatio} x${goal}`);
  return ok;
}
