/**
 * The model as those who may not see personal data get it: the same SDL without any personal field
 * (server/src/auth/personalDataRule.ts, PERSONAL_FIELDS). @neo4j/graphql builds the schema from it,
 * so its generated where, sort, aggregate, connection and mutation inputs cannot name a personal
 * field either: there is nothing to scan for, at any depth, in the document or in variables.
 */
import { Kind, parse, print, visit, type ASTNode, type DirectiveNode } from "graphql";
import { isPersonalFieldName } from "../auth/personalDataRule.js";

/** `requires: "id firstName lastName"` of @customResolver, without the personal fields ("id"). */
function requiresWithoutPersonalFields(selection: string): string {
  const document = parse(`{ ${selection} }`);
  const kept = visit(document, {
    Field: (node) => (isPersonalFieldName(node.name.value) ? null : undefined),
  });
  // print gives "{\n  id\n}": keep the inner fields on one line.
  return print(kept).replace(/^\{|\}$/g, "").trim().split(/\s+/).join(" ");
}

function withoutPersonalRequires(directive: DirectiveNode): DirectiveNode {
  if (directive.name.value !== "customResolver") return directive;
  return {
    ...directive,
    arguments: directive.arguments?.map((argument) =>
      argument.name.value === "requires" && argument.value.kind === Kind.STRING
        ? { ...argument, value: { ...argument.value, value: requiresWithoutPersonalFields(argument.value.value) } }
        : argument,
    ),
  };
}

const isPersonalDefinition = (node: ASTNode): boolean =>
  (node.kind === Kind.FIELD_DEFINITION || node.kind === Kind.INPUT_VALUE_DEFINITION) && isPersonalFieldName(node.name.value);

/**
 * Quasi-identifiers of the generated model, by type: with a structure's commune, a profession can
 * single a person out (issue 19), and so can a membership's role (« Directrice », « Sage-femme »:
 * the demo's roles are the professions). These viewers read professions from the analytics API and
 * the details panels instead, where they are given only when shared by k people
 * (analytics/kAnonymity.ts); @neo4j/graphql then generates no filter, sort or aggregate on them either.
 */
const QUASI_IDENTIFIERS: Readonly<Record<string, ReadonlySet<string>>> = {
  Actor: new Set(["profession"]),
  Membership: new Set(["role"]),
};

/**
 * Removes every field (of object, interface and input types) named as personal data, the model's
 * quasi-identifiers (QUASI_IDENTIFIERS), and the
 * personal fields @customResolver would read (`displayName` then needs only the id: it is the
 * pseudonym for these viewers). Arguments named like personal fields are left alone: they are not
 * data of the model (an argument is not returned, filtered or sorted on by @neo4j/graphql).
 */
export function withoutPersonalFields(typeDefs: readonly string[]): string[] {
  return typeDefs.map((source) => {
    const stripped = visit(parse(source), {
      FieldDefinition: (node) => (isPersonalDefinition(node) ? null : undefined),
      ObjectTypeDefinition: (node) => {
        const hidden = QUASI_IDENTIFIERS[node.name.value];
        return hidden === undefined ? undefined : { ...node, fields: node.fields?.filter((field) => !hidden.has(field.name.value)) };
      },
      InputObjectTypeDefinition: (node) => ({ ...node, fields: node.fields?.filter((field) => !isPersonalDefinition(field)) }),
      InputObjectTypeExtension: (node) => ({ ...node, fields: node.fields?.filter((field) => !isPersonalDefinition(field)) }),
      Directive: (node) => withoutPersonalRequires(node),
    });
    return print(stripped);
  });
}
