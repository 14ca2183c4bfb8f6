import { beforeAll, describe, expect, it } from "vitest";
import { generateDemoData } from "./generate.js";
import type { DemoData } from "./model.js";
import { PAYS_CEVENNES } from "./spec.js";

const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026] as const;

let data: DemoData;

beforeAll(() => {
  data = generateDemoData(PAYS_CEVENNES);
}, 120_000);

const countBy = <T>(items: readonly T[], key: (item: T) => string): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};

describe("generateDemoData(PAYS_CEVENNES)", () => {
  it("gives the same data on every run", () => {
    expect(generateDemoData(PAYS_CEVENNES)).toEqual(data);
  }, 120_000);

  it("covers the official geography: 94 communes, 2 EPCI, 156,691 inhabitants", () => {
    expect(data.communes).toHaveLength(94);
    expect(data.epcis.map((epci) => epci.code)).toEqual(["200066918", "200035129"]);
    expect(data.communes.reduce((sum, commune) => sum + commune.population, 0)).toBe(156_691);
    expect(data.epcis.reduce((sum, epci) => sum + epci.population, 0)).toBe(156_691);
    expect(data.communes.find((commune) => commune.code === "07294")?.departement).toBe("07");
  });

  it("reproduces the published figures: 11 axes, 14 institutions, 277 structures, 120 work groups, 3 contracts", () => {
    expect(data.territory).toEqual({ id: "pays-cevennes", name: "Pays Cévennes", isDemo: true });
    expect(data.axes).toHaveLength(11);
    expect(data.axes.filter((axis) => axis.kind === "POPULATION")).toHaveLength(8);
    expect(data.institutions).toHaveLength(14);
    expect(data.structures).toHaveLength(277);
    expect(data.workGroups).toHaveLength(120);
    expect(data.contracts.map((contract) => contract.id)).toEqual(["pays-cevennes-cls1", "pays-cevennes-cls2", "pays-cevennes-cls3"]);
    expect(data.contracts[0]?.axisIds.length).toBeLessThan(11);
    expect(data.contracts[2]?.axisIds).toHaveLength(11);
  });

  it("has 1,600 actors ± 5 % with visibly fake contact details", () => {
    expect(data.actors.length).toBeGreaterThanOrEqual(1520);
    expect(data.actors.length).toBeLessThanOrEqual(1680);
    expect(new Set(data.actors.map((actor) => actor.email)).size).toBe(data.actors.length);
    expect(new Set(data.actors.map((actor) => actor.phone)).size).toBe(data.actors.length);
    for (const actor of data.actors) {
      expect(actor.email).toMatch(/^[a-z0-9.-]+@exemple\.test$/);
      expect(actor.phone).toMatch(/^(01 99 00|06 39 98) \d\d \d\d$/);
    }
    const categories = countBy(data.actors, (actor) => actor.category);
    expect(categories.get("PROFESSIONAL") ?? 0).toBeGreaterThan(data.actors.length / 2);
    for (const category of ["ELECTED", "VOLUNTEER", "INSTITUTIONAL"]) expect(categories.get(category) ?? 0).toBeGreaterThan(0);
  });

  it("gives readable, unique ids and unique structure names", () => {
    const ids = [data.territory.id, ...data.axes, ...data.contracts, ...data.institutions, ...data.structures, ...data.actors, ...data.workGroups, ...data.events]
      .map((item) => (typeof item === "string" ? item : item.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(data.structures[0]?.id).toBe("pays-cevennes-s-001");
    expect(data.actors[0]?.id).toBe("pays-cevennes-a-0001");
    expect(data.workGroups[0]?.id).toBe("pays-cevennes-wg-001");
    expect(data.events[0]?.id).toBe("pays-cevennes-ev-2011-0001");
    expect(new Set(data.structures.map((structure) => structure.name)).size).toBe(277);
  });

  it("places more structures in Alès than anywhere else and leaves several small communes without any", () => {
    const byCommune = countBy(data.structures, (structure) => structure.communeCode);
    const ales = byCommune.get("30007") ?? 0;
    for (const [code, count] of byCommune) if (code !== "30007") expect(count).toBeLessThan(ales);
    expect(data.communes.length - byCommune.size).toBeGreaterThanOrEqual(5);
  });

  it("keeps about 1,000 events a year and about 8,900 volunteer hours a year, given only by volunteers and elected officials", () => {
    const category = new Map(data.actors.map((actor) => [actor.id, actor.category]));
    const yearOf = new Map(data.events.map((event) => [event.id, Number(event.date.slice(0, 4))]));
    for (const year of YEARS) {
      const events = data.events.filter((event) => event.date.startsWith(`${year}-`));
      expect(events.length).toBeGreaterThanOrEqual(950);
      expect(events.length).toBeLessThanOrEqual(1050);
      expect(events.every((event) => event.id.startsWith(`pays-cevennes-ev-${year}-`))).toBe(true);
      const hours = data.attendances.filter((item) => yearOf.get(item.eventId) === year).reduce((sum, item) => sum + item.volunteerHours, 0);
      expect(hours).toBeGreaterThanOrEqual(8900 * 0.9);
      expect(hours).toBeLessThanOrEqual(8900 * 1.1);
    }
    for (const attendance of data.attendances) {
      const giver = ["VOLUNTEER", "ELECTED"].includes(category.get(attendance.actorId) ?? "");
      expect(attendance.volunteerHours > 0).toBe(giver);
    }
    const organisers = countBy(data.events, (event) => event.organiserLabel);
    expect(organisers.get("WorkGroup") ?? 0).toBeGreaterThan((organisers.get("Structure") ?? 0) * 3);
  });

  it("has activity from CLS 1 on: events every year from its signing, fewer in earlier years", () => {
    const perYear = countBy(data.events, (event) => event.date.slice(0, 4));
    expect(data.events.every((event) => event.date >= "2011-06-30")).toBe(true);
    for (let year = 2011; year <= 2026; year += 1) expect(perYear.get(String(year)) ?? 0).toBeGreaterThan(50);
    for (let year = 2012; year <= 2018; year += 1) {
      expect(perYear.get(String(year)) ?? 0).toBeGreaterThan(perYear.get(String(year - 1)) ?? 0);
      expect(perYear.get(String(year)) ?? 0).toBeLessThan(950);
    }
    const cls1 = new Set(data.events.filter((event) => event.date <= "2013-06-30").map((event) => event.id));
    const cls2 = new Set(data.events.filter((event) => event.date >= "2013-07-01" && event.date <= "2018-12-31").map((event) => event.id));
    expect(cls1.size).toBeGreaterThan(100);
    expect(cls2.size).toBeGreaterThan(2500);
    expect(data.attendances.filter((item) => cls1.has(item.eventId)).length).toBeGreaterThan(1000);
  });

  it("has heavy-tailed event sizes: many meetings of 3-8 people, some of 10-25, a few plenaries of 40-120", () => {
    const size = countBy(data.attendances, (item) => item.eventId);
    const sizes = data.events.map((event) => size.get(event.id) ?? 0);
    const share = (test: (n: number) => boolean): number => sizes.filter(test).length / sizes.length;
    expect(share((n) => n >= 3 && n <= 8)).toBeGreaterThan(0.5);
    expect(share((n) => n >= 10 && n <= 25)).toBeGreaterThan(0.15);
    expect(share((n) => n >= 40)).toBeGreaterThan(0.01);
    expect(share((n) => n >= 40)).toBeLessThan(0.08);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(120);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1);
  });

  it("has people who change organisation: a membership ends, another begins later", () => {
    const byActor = new Map<string, (typeof data.memberships)[number][]>();
    for (const membership of data.memberships) byActor.set(membership.actorId, [...(byActor.get(membership.actorId) ?? []), membership]);
    const moves = [...byActor.values()].filter((list) => list.length === 2);
    expect(moves.length).toBeGreaterThan(20);
    for (const [first, second] of moves) {
      expect(first?.until).not.toBeNull();
      expect((second?.since ?? "") > (first?.until ?? "")).toBe(true);
      expect(second?.organisationId).not.toBe(first?.organisationId);
    }
    // Some movers attended events in both of their organisations' periods.
    const dateOf = new Map(data.events.map((event) => [event.id, event.date]));
    const both = moves.filter(([first, second]) => {
      const dates = data.attendances.filter((item) => item.actorId === first?.actorId).map((item) => dateOf.get(item.eventId) ?? "");
      return dates.some((date) => date <= (first?.until ?? "")) && dates.some((date) => date >= (second?.since ?? ""));
    });
    expect(both.length).toBeGreaterThan(10);
  });

  it("has 1,200 to 1,600 active actors each year (attended an event or took part in a group)", () => {
    for (const year of YEARS) {
      const eventIds = new Set(data.events.filter((event) => event.date.startsWith(`${year}-`)).map((event) => event.id));
      const active = new Set(data.attendances.filter((item) => eventIds.has(item.eventId)).map((item) => item.actorId));
      for (const participation of data.participations) {
        if (participation.since <= `${year}-12-31` && (participation.until === null || participation.until >= `${year}-01-01`)) {
          active.add(participation.actorId);
        }
      }
      expect(active.size).toBeGreaterThanOrEqual(1200);
      expect(active.size).toBeLessThanOrEqual(1600);
    }
  });

  it("has a heavy-tailed participation: most actors in one group, a few hubs in many", () => {
    const perActor = countBy(data.participations, (participation) => participation.actorId);
    const counts = data.actors.map((actor) => perActor.get(actor.id) ?? 0).sort((a, b) => b - a);
    const top = counts.slice(0, Math.ceil(counts.length * 0.05)).reduce((sum, count) => sum + count, 0);
    expect(top / data.participations.length).toBeGreaterThan(0.25);
    const histogram = countBy(counts, String);
    const mostCommon = [...histogram.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    expect(mostCommon).toBe("1");
    expect(counts.filter((count) => count >= 8).length).toBeGreaterThanOrEqual(20);
    // The hospital of Alès and the coordination association are hubs.
    const membersOf = (structureId: string): Set<string> =>
      new Set(data.memberships.filter((membership) => membership.organisationId === structureId).map((membership) => membership.actorId));
    const participationsOf = (structureId: string): number => [...membersOf(structureId)].reduce((sum, id) => sum + (perActor.get(id) ?? 0), 0);
    const hospital = data.structures.find((structure) => structure.name === "Centre hospitalier Alès-Cévennes");
    const coordination = data.structures.find((structure) => structure.name === "Association Cévennes Santé Réseaux");
    expect(hospital).toBeDefined();
    expect(coordination).toBeDefined();
    const median = [...data.structures.map((structure) => participationsOf(structure.id))].sort((a, b) => a - b)[138] ?? 0;
    expect(participationsOf(hospital?.id ?? "")).toBeGreaterThan(median * 10);
    expect(participationsOf(coordination?.id ?? "")).toBeGreaterThan(median * 10);
  });

  it("has isolated structures whose members take part in no group", () => {
    const participants = new Set(data.participations.map((participation) => participation.actorId));
    const isolated = data.structures.filter((structure) =>
      data.memberships.filter((membership) => membership.organisationId === structure.id).every((membership) => !participants.has(membership.actorId)),
    );
    expect(isolated.length).toBeGreaterThanOrEqual(5);
  });

  it("dates work groups and participations across the three contracts, with ties that start and end", () => {
    expect(data.workGroups.some((group) => group.endedOn !== null && group.endedOn < "2019-01-01")).toBe(true);
    expect(data.workGroups.filter((group) => group.startedOn >= "2019-01-01").length).toBeGreaterThanOrEqual(20);
    const groups = new Map(data.workGroups.map((group) => [group.id, group]));
    for (const group of data.workGroups) expect(group.axisIds.length === 1 || group.axisIds.length === 2).toBe(true);
    const pilots = countBy(data.participations.filter((participation) => participation.role === "PILOT"), (participation) => participation.workGroupId);
    expect(pilots.size).toBe(120);
    expect([...pilots.values()].every((count) => count === 1)).toBe(true);
    for (const participation of data.participations) {
      const group = groups.get(participation.workGroupId);
      expect(participation.since >= (group?.startedOn ?? "")).toBe(true);
      if (group?.endedOn != null) expect(participation.until !== null && participation.until <= group.endedOn).toBe(true);
      if (participation.until !== null) expect(participation.until >= participation.since).toBe(true);
    }
    expect(data.participations.some((participation) => participation.until !== null)).toBe(true);
    const movers = countBy(data.memberships, (membership) => membership.actorId);
    expect([...movers.values()].filter((count) => count === 2).length).toBeGreaterThan(20);
  });

  it("only points relationships at existing ids", () => {
    const has = (ids: Iterable<string>): Set<string> => new Set(ids);
    const communes = has(data.communes.map((commune) => commune.code));
    const epcis = has(data.epcis.map((epci) => epci.code));
    const axes = has(data.axes.map((axis) => axis.id));
    const institutions = has(data.institutions.map((institution) => institution.id));
    const structures = has(data.structures.map((structure) => structure.id));
    const actors = has(data.actors.map((actor) => actor.id));
    const groups = has(data.workGroups.map((group) => group.id));
    const events = has(data.events.map((event) => event.id));
    const all = (values: Iterable<string>, ids: Set<string>): boolean => [...values].every((value) => ids.has(value));

    expect(all(data.communes.map((commune) => commune.epciCode), epcis)).toBe(true);
    expect(all(data.contracts.flatMap((contract) => contract.axisIds), axes)).toBe(true);
    expect(all(data.contracts.flatMap((contract) => contract.signatoryIds), institutions)).toBe(true);
    expect(all(data.institutions.map((institution) => institution.communeCode), communes)).toBe(true);
    expect(all(data.structures.map((structure) => structure.communeCode), communes)).toBe(true);
    expect(all(data.memberships.map((membership) => membership.actorId), actors)).toBe(true);
    for (const membership of data.memberships) {
      expect((membership.organisationLabel === "Structure" ? structures : institutions).has(membership.organisationId)).toBe(true);
    }
    expect(all(actors, has(data.memberships.map((membership) => membership.actorId)))).toBe(true);
    expect(all(data.workGroups.flatMap((group) => group.axisIds), axes)).toBe(true);
    expect(all(data.participations.map((participation) => participation.actorId), actors)).toBe(true);
    expect(all(data.participations.map((participation) => participation.workGroupId), groups)).toBe(true);
    for (const event of data.events) {
      expect((event.organiserLabel === "WorkGroup" ? groups : structures).has(event.organiserId)).toBe(true);
    }
    expect(all(data.events.map((event) => event.communeCode), communes)).toBe(true);
    expect(all(data.events.flatMap((event) => event.axisIds), axes)).toBe(true);
    expect(all(data.attendances.map((attendance) => attendance.actorId), actors)).toBe(true);
    expect(all(data.attendances.map((attendance) => attendance.eventId), events)).toBe(true);
    expect(all(data.partnerships.flatMap((partnership) => [partnership.fromId, partnership.toId]), structures)).toBe(true);
    const pairs = data.attendances.map((attendance) => `${attendance.actorId}|${attendance.eventId}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });
});
