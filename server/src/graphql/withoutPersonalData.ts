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
 * Quasi-identifiers of the generated Actor type: with a structure's commune, a profession can single
 * a person out (issue 19). These viewers read them from the analytics API instead, where they are
 * given only when shared by k people (analytics/kAnonymity.ts); @neo4j/graphql then generates no
 * filter, sort or aggregate on them either.
 */
const ACTOR_QUASI_IDENTIFIERS: ReadonlySet<string> = new Set(["profession"]);

/**
 * Removes every field (of object, interface and input types) named as personal data, Actor's
 * quasi-identifiers (ACTOR_QUASI_IDENTIFIERS), and the
 * personal fields @customResolver would read (`displayName` then needs only the id: it is the
 * pseudonym for these viewers). Arguments named like personal fields are left alone: they are not
 * data of the model (an argument is not returned, filtered or sorted on by @neo4j/graphql).
 */
export function withoutPersonalFields(typeDefs: readonly string[]): string[] {
  return typeDefs.map((source) => {
    const stripped = visit(parse(source), {
      FieldDefinition: (node) => (isPersonalDefinition(node) ? null : undefined),
      ObjectTypeDefinition: (node) =>
        node.name.value === "Actor" ? { ...node, fields: node.fields?.filter((field) => !ACTOR_QUASI_IDENTIFIERS.has(field.name.value)) } : undefined,
      InputObjectTypeDefinition: (node) => ({ ...node, fields: node.fields?.filter((field) => !isPersonalDefinition(field)) }),
      InputObjectTypeExtension: (node) => ({ ...node, fields: node.fields?.filter((field) => !isPersonalDefinition(field)) }),
      Directive: (node) => withoutPersonalRequires(node),
    });
    return print(stripped);
  });
}
