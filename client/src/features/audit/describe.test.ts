import { describe, expect, it } from "vitest";
import type { AuditEntry } from "../../api/editing";
import { describeChange, describeErased, describeWhat, describeWho, formatValue } from "./describe";

const entry: AuditEntry = {
  id: "e1",
  at: "2026-03-04T10:11:12.000Z",
  userId: "coord-42",
  userRole: "COORDINATOR",
  operation: "UPDATE",
  entityKind: "STRUCTURE",
  entityId: "s1",
  entityName: "Maison de santé",
  changes: [{ field: "name", before: "A", after: "B" }],
  erasedFields: [],
};

describe("audit texts", () => {
  it("says a change as before → after, with French labels for fields and values", () => {
    expect(describeChange({ field: "name", before: "A", after: "B" })).toBe("nom : A → B");
    expect(describeChange({ field: "sector", before: "CARE", after: "SOCIAL" })).toBe("secteur : Soin → Social");
    expect(describeChange({ field: "axisIds", before: null, after: ["a", "b"] })).toBe("axes : a, b");
    expect(describeChange({ field: "endedOn", before: "2024-01-01", after: null })).toBe("fin : 2024-01-01 → (vide)");
    expect(formatValue("durationHours", 2.5)).toBe("2,5");
  });

  it("names who by login and role, and what by kind and name", () => {
    expect(describeWho(entry)).toBe("coord-42 (coordination)");
    expect(describeWhat(entry)).toBe("Modification · Structure « Maison de santé »");
    expect(describeWhat({ ...entry, entityKind: "ACTOR", entityName: null, operation: "CREATE" })).toBe("Création · Personne");
    expect(describeWhat({ ...entry, entityKind: "PARTICIPATION", entityName: "Réseau santé mentale", operation: "DELETE" })).toBe("Suppression · Participation « Réseau santé mentale »");
  });

  it("says an applied import in French: file, kind, rows and counts", () => {
    expect(describeWhat({ ...entry, entityKind: "IMPORT", entityName: "annuaire.csv", operation: "CREATE" })).toBe("Création · Import de fichier « annuaire.csv »");
    expect(describeChange({ field: "importKind", before: null, after: "ACTORS" })).toBe("type de fichier : annuaire des acteurs");
    expect(describeChange({ field: "created", before: null, after: 12 })).toBe("fiches créées : 12");
    expect(describeChange({ field: "actorsUpdated", before: null, after: 3 })).toBe("personnes modifiées : 3");
    expect(describeWhat({ ...entry, entityKind: "ATTENDANCE", entityName: "Réunion", operation: "CREATE" })).toBe("Création · Présence « Réunion »");
  });

  it("says a new territory, contract or axis in French, with their fields", () => {
    expect(describeWhat({ ...entry, entityKind: "TERRITORY", entityName: "Pays des Vans", operation: "CREATE" })).toBe("Création · Territoire « Pays des Vans »");
    expect(describeWhat({ ...entry, entityKind: "CONTRACT", entityName: "CLS 2", operation: "CREATE" })).toBe("Création · Contrat « CLS 2 »");
    expect(describeWhat({ ...entry, entityKind: "AXIS", entityName: "Santé mentale", operation: "CREATE" })).toBe("Création · Axe « Santé mentale »");
    expect(describeChange({ field: "epciCodes", before: null, after: ["200039832"] })).toBe("intercommunalités : 200039832");
    expect(describeChange({ field: "kind", before: null, after: "TRANSVERSAL" })).toBe("type : Transversal");
    expect(describeChange({ field: "generation", before: null, after: 2 })).toBe("génération : 2");
  });

  it("says a participation's role in French and a membership's as typed", () => {
    expect(describeChange({ field: "role", before: "MEMBER", after: "CO_PILOT" })).toBe("fonction : Membre → Co-pilote");
    expect(describeChange({ field: "role", before: null, after: "Secrétaire" })).toBe("fonction : Secrétaire");
  });

  it("lists fields erased under the GDPR", () => {
    expect(describeErased(entry)).toBeNull();
    expect(describeErased({ ...entry, erasedFields: ["email", "lastName"] })).toBe("Données personnelles effacées (RGPD) : courriel, nom.");
  });
});
