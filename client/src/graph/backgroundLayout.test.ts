import { describe, expect, it } from "vitest";
import { startLayout } from "./backgroundLayout";
import { toElements } from "./elements";
import { computeLayout } from "./layout";
import { createNetworkModel } from "./model";
import { sampleNetwork } from "./testNetwork";

describe("startLayout without workers (tests, old browsers)", () => {
  const elements = toElements(createNetworkModel(sampleNetwork()));

  it("holds a job until go(), then gives the layout's positions", async () => {
    const job = startLayout(elements, "full", { hold: true });
    let landed = false;
    void job.positions.then(() => (landed = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(landed).toBe(false);
    job.go();
    expect(await job.positions).toEqual(computeLayout(elements));
  });

  it("runs at once without hold", async () => {
    expect(Object.keys(await startLayout(elements).positions)).toHaveLength(sampleNetwork().nodes.length);
  });
});
