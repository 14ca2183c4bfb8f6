/** What the editor shows on a first visit: a commented example the analyst can run at once. */
export const DEFAULT_QUERY = `# Maillage : l'API GraphQL des réseaux de
# collaboration des Contrats Locaux de Santé.
#
# Exécuter : Ctrl+Entrée ou le bouton ▶.
# Documentation des types : icône livre, à gauche.
# Sans jeton, l'API répond UNAUTHENTICATED :
# connectez-vous sur la page principale, ou
# renseignez l'en-tête Authorization (onglet
# Headers, en bas).
#
# Limites par défaut : profondeur 10 ; pages de
# 1 000 éléments au plus (\`limit\`, \`first\`) ;
# coût estimé 20 000 au plus (une liste sans
# \`limit\` compte pour 25 éléments).

# Le réseau des structures et institutions de
# Pays Cévennes (données fictives) : deux
# organisations sont liées quand leurs membres
# partagent des groupes de travail.
query GetStructureNetwork {
  structureNetwork(territoryId: "pays-cevennes") {
    territoryId
    nodes {
      id
      name
      kind
      sector
      memberCount
    }
    ties {
      source
      target
      weight
    }
  }
}
`;
