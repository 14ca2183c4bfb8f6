import { isViewKind, type ViewKind } from "./views";

/** What the page's address asks to open: `?territory=…&view=…` (links, benchmarks), `?savedView=…` (a saved view). */
export interface AddressView {
  territoryId: string | null;
  view: ViewKind | null;
  savedViewId: string | null;
}

export function viewFromAddress(search: string): AddressView {
  const params = new URLSearchParams(search);
  const view = params.get("view");
  return { territoryId: params.get("territory"), view: isViewKind(view) ? view : null, savedViewId: params.get("savedView") };
}
