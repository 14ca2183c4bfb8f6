/** Texts of the header's tools menu, in French (each tool's own texts live in its feature). */
export const toolsMenuTexts = {
  label: "Données",
  hint: "Données personnelles (RGPD) et sauvegarde du territoire",
} as const;
