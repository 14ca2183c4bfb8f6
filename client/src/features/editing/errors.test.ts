import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/graphql";
import { describeSaveError, fieldOfArgument } from "./errors";

const refused = (argument: string, reason: string) => new ApiError("graphql", "refused", "BAD_USER_INPUT", { code: "BAD_USER_INPUT", argument, reason });

describe("fieldOfArgument", () => {
  it("names the form field from the server's argument", () => {
    expect(fieldOfArgument("input.name")).toBe("name");
    expect(fieldOfArgument("input.membership.organisationId")).toBe("organisationId");
    expect(fieldOfArgument("input.axisIds[2]")).toBe("axisIds");
    expect(fieldOfArgument("input.territoryId")).toBeNull();
    expect(fieldOfArgument(undefined)).toBeNull();
  });
});

describe("describeSaveError", () => {
  it("says in French what is wrong with the field the server named", () => {
    expect(describeSaveError(refused("input.name", "REQUIRED"))).toEqual({ field: "name", message: "Ce champ est obligatoire." });
    expect(describeSaveError(refused("input.name", "TOO_LONG"))).toEqual({ field: "name", message: "200 caractères au plus." });
    expect(describeSaveError(refused("input.lastName", "TOO_LONG")).message).toBe("100 caractères au plus.");
    expect(describeSaveError(refused("input.email", "INVALID_FORMAT")).message).toMatch(/courriel/);
    expect(describeSaveError(refused("input.phone", "INVALID_FORMAT")).message).toMatch(/téléphone/);
    expect(describeSaveError(refused("input.endedOn", "DATE_ORDER"))).toEqual({ field: "endedOn", message: "La fin ne peut pas précéder le début." });
    expect(describeSaveError(refused("input.communeCode", "NOT_IN_TERRITORY")).message).toBe("Ce choix n'appartient pas au territoire.");
  });

  it("speaks for the whole form for refusals that name no field", () => {
    expect(describeSaveError(new ApiError("graphql", "x", "FORBIDDEN")).field).toBeNull();
    expect(describeSaveError(new ApiError("graphql", "x", "CONFLICT")).message).toMatch(/événements/);
    expect(describeSaveError(new Error("network")).message).toMatch(/échoué/);
  });
});
