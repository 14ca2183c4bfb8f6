/**
 * Actors (fake French people) and their memberships: sized per organisation, dated careers,
 * some actors moving from one structure to another.
 */
import { Faker, fr } from "@faker-js/faker";
import { ROLES, slugify, type RoleDefinition, type RoleKey } from "./catalog.js";
import { dayOf, fromDay } from "./dates.js";
import type { ActorDraft, OrganisationDraft } from "./drafts.js";
import type { ActorRow, MembershipRow } from "./model.js";
import type { Random } from "./random.js";
import type { TerritorySpec } from "./spec.js";

/** Municipal elections: mandates start on these days. */
const ELECTIONS = [dayOf(2008, 3, 21), dayOf(2014, 3, 30), dayOf(2020, 7, 3)] as const;

/** Scales the drawn sizes so that the territory has exactly `scale.actors` actors. */
export function sizeOrganisations(spec: TerritorySpec, institutions: OrganisationDraft[], structures: OrganisationDraft[]): void {
  const fixed = institutions.reduce((sum, draft) => sum + draft.size, 0);
  const drawn = structures.reduce((sum, draft) => sum + draft.size, 0);
  const factor = (spec.scale.actors - fixed) / drawn;
  for (const draft of structures) draft.size = Math.max(1, Math.round(draft.size * factor));
  const total = fixed + structures.reduce((sum, draft) => sum + draft.size, 0);
  const largest = structures.reduce((best, draft) => (draft.size > best.size ? draft : best));
  largest.size += spec.scale.actors - total;
}

interface Career {
  readonly since: number;
  readonly until: number | null;
}

function drawCareer(random: Random, category: RoleDefinition["category"]): Career {
  if (category === "ELECTED") {
    const since = ELECTIONS[random.weightedIndex([0.3, 0.35, 0.35])] ?? ELECTIONS[2];
    if (since === ELECTIONS[0]) {
      if (random.chance(0.3)) return { since, until: ELECTIONS[1] };
      return { since, until: random.chance(0.45) ? ELECTIONS[2] : null };
    }
    if (since === ELECTIONS[1]) return { since, until: random.chance(0.4) ? ELECTIONS[2] : null };
    return { since, until: null };
  }
  const draw = random.next();
  const since =
    draw < 0.3
      ? dayOf(random.int(1995, 2010), random.int(1, 12), random.int(1, 28))
      : draw < 0.58
        ? dayOf(random.int(2011, 2014), random.int(1, 12), random.int(1, 28))
        : draw < 0.91
          ? dayOf(random.int(2015, 2018), random.int(1, 12), random.int(1, 28))
          : dayOf(random.int(2019, 2025), random.int(1, 12), random.int(1, 28));
  const leave = random.next();
  if (leave < 0.03 && since < dayOf(2017, 1, 1)) {
    const from = Math.max(since + 365, dayOf(2012, 1, 1));
    return { since, until: random.int(from, Math.max(from, dayOf(2018, 12, 31))) };
  }
  if (leave < 0.11) {
    const from = Math.max(since + 365, dayOf(2019, 1, 1));
    const to = dayOf(2026, 6, 30);
    if (from < to) return { since, until: random.int(from, to) };
  }
  return { since, until: null };
}

function drawGroupTarget(random: Random, organisation: OrganisationDraft, category: RoleDefinition["category"]): number {
  if (organisation.isIsolated) return 0;
  if (organisation.isHub && organisation.label === "Structure") {
    return random.chance(organisation.size <= 12 ? 0.9 : 0.35) ? random.int(7, 20) : random.int(2, 5);
  }
  if (category === "INSTITUTIONAL") return organisation.isHub ? random.int(3, 12) : random.int(1, 5);
  const draw = random.next();
  // Many actors only come to events; most of the others sit in one group; a few hubs in many.
  if (draw < 0.3) return 0;
  if (draw < 0.72) return 1;
  if (draw < 0.84) return 2;
  if (draw < 0.9) return 3;
  if (draw < 0.94) return 4;
  if (draw < 0.975) return random.int(5, 7);
  return random.int(8, 16);
}

/** Unique phone numbers in the ranges ARCEP reserves for fiction (01 99 00 xx xx, 06 39 98 xx xx). */
function fictionalPhone(prefix: string, index: number): string {
  const number = String((index * 7919 + 1234) % 10_000).padStart(4, "0");
  return `${prefix} ${number.slice(0, 2)} ${number.slice(2)}`;
}

export interface ActorsResult {
  readonly actors: ActorDraft[];
  readonly memberships: MembershipRow[];
}

export function buildActors(spec: TerritorySpec, organisations: readonly OrganisationDraft[], random: Random): ActorsResult {
  const faker = new Faker({ locale: [fr] });
  faker.seed(spec.seed);
  const emails = new Set<string>();
  const actors: ActorDraft[] = [];
  const width = Math.max(4, String(spec.scale.actors).length);
  let landlines = 0;
  let mobiles = 0;

  for (const organisation of organisations) {
    const roleKeys = organisation.roles;
    const heads = roleKeys.filter((key) => ROLES[key].isHead === true);
    const others = roleKeys.filter((key) => ROLES[key].isHead !== true);
    for (let slot = 0; slot < organisation.size; slot += 1) {
      const roleKey =
        slot < heads.length ? (heads[slot] as RoleKey) : random.weightedPick(others.length > 0 ? others : roleKeys, (key) => ROLES[key].weight);
      const role = ROLES[roleKey];
      const isFemale = random.chance(role.category === "ELECTED" ? 0.45 : 0.68);
      const firstName = faker.person.firstName(isFemale ? "female" : "male");
      const lastName = faker.person.lastName();
      const local = `${slugify(firstName)}.${slugify(lastName)}`;
      let email = `${local}@exemple.test`;
      for (let counter = 2; emails.has(email); counter += 1) email = `${local}${counter}@exemple.test`;
      emails.add(email);
      const isMobile = role.category === "ELECTED" || role.category === "VOLUNTEER";
      const phone = isMobile ? fictionalPhone("06 39 98", mobiles++) : fictionalPhone("01 99 00", landlines++);
      const position = role.forms[isFemale ? 1 : 0];
      const row: ActorRow = {
        id: `${spec.id}-a-${String(actors.length + 1).padStart(width, "0")}`,
        firstName,
        lastName,
        email,
        phone,
        category: role.category,
        profession: position,
      };
      const career = drawCareer(random, role.category);
      actors.push({
        row,
        organisation,
        axes: organisation.axes,
        isGeneralist: organisation.isGeneralist,
        isHub: organisation.isHub,
        isIsolated: organisation.isIsolated,
        place: { epciCode: organisation.commune.epciCode, areaKey: organisation.commune.areaKey },
        since: career.since,
        until: career.until,
        groupTarget: drawGroupTarget(random, organisation, role.category),
        memberships: [
          {
            actorId: row.id,
            organisationId: organisation.id,
            organisationLabel: organisation.label,
            role: position,
            since: fromDay(career.since),
            until: career.until === null ? null : fromDay(career.until),
          },
        ],
      });
    }
  }
  addMoves(actors, organisations, random);
  return { actors, memberships: actors.flatMap((actor) => actor.memberships) };
}

/**
 * About 10 % of long-standing professionals change structure once: the first membership ends, and
 * the next one starts after a gap of one to nine months (between two jobs they belong to nobody).
 */
function addMoves(actors: ActorDraft[], organisations: readonly OrganisationDraft[], random: Random): void {
  const structures = organisations.filter((item) => item.label === "Structure" && !item.isIsolated);
  const latest = dayOf(2024, 12, 31);
  for (const actor of actors) {
    if (actor.row.category !== "PROFESSIONAL" || actor.isIsolated || actor.until !== null) continue;
    const earliest = Math.max(actor.since + 2 * 365, dayOf(2012, 1, 1));
    if (earliest >= latest || !random.chance(0.1)) continue;
    const current = actor.memberships[0];
    if (current === undefined) continue;
    const target = random.weightedPick(structures, (item) => {
      if (item.id === actor.organisation.id) return 0;
      const sharesAxis = [...item.axes].some((axis) => actor.axes.has(axis));
      return (sharesAxis ? 5 : 0.2) * (item.commune.epciCode === actor.place.epciCode ? 3 : 1);
    });
    const day = random.int(earliest, latest);
    const gap = random.int(30, 270);
    actor.memberships[0] = { ...current, until: fromDay(day) };
    actor.memberships.push({
      actorId: actor.row.id,
      organisationId: target.id,
      organisationLabel: "Structure",
      role: current.role,
      since: fromDay(day + gap),
      until: null,
    });
  }
}
