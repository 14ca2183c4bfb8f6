import { useId, useMemo, useState, type KeyboardEvent } from "react";
import type { NetworkNode } from "../../api/network";
import { CATEGORY_COLOURS, categoryOf } from "../../graph/palette";
import { fr } from "../../i18n/fr";
import { searchAll, type SearchEntry, type SearchHit } from "./match";

interface SearchBoxProps {
  /** Nodes drawn: a hidden node cannot be shown, so it is not offered. */
  nodes: readonly NetworkNode[];
  /** Work groups and communes of the territory, opened in the details panel. */
  entries?: readonly SearchEntry[];
  onSelect: (id: string) => void;
  onSelectEntry?: (entry: SearchEntry) => void;
  /** Where else to look when nothing matches here (people, and analysts' pseudonyms, are in the actors view). */
  elsewhere?: { label: string; onSelect: () => void } | null;
}

const resultId = (result: SearchHit) => (result.type === "node" ? result.node.id : `${result.entry.kind}:${result.entry.id}`);

/**
 * Keyboard-first search (ARIA combobox): type, ↑ ↓ to move, Entrée to show the organisation,
 * Échap to clear. Accents and case are ignored; names and communes are searched.
 */
export function SearchBox({ nodes, entries = [], onSelect, onSelectEntry, elsewhere = null }: SearchBoxProps) {
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const [isOpen, setIsOpen] = useState(false);
  const listId = useId();
  const results = useMemo((): SearchHit[] => searchAll(nodes, entries, query), [nodes, entries, query]);
  const showList = isOpen && query.trim() !== "";
  const optionId = (index: number) => `${listId}-option-${index}`;

  const choose = (index: number) => {
    const result = results[index];
    if (!result) return;
    if (result.type === "node") onSelect(result.node.id);
    else onSelectEntry?.(result.entry);
    setIsOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        setIsOpen(true);
        setActive((i) => (results.length === 0 ? 0 : (i + 1) % results.length));
        break;
      case "ArrowUp":
        event.preventDefault();
        setIsOpen(true);
        setActive((i) => (results.length === 0 ? 0 : (i - 1 + results.length) % results.length));
        break;
      case "Enter":
        event.preventDefault();
        choose(active);
        break;
      case "Escape":
        // Only the search is cleared; the panel's own Escape waits for the next press.
        if (query !== "") {
          event.preventDefault();
          event.nativeEvent.preventDefault();
          setQuery("");
          setIsOpen(false);
        }
        break;
    }
  };

  return (
    <div className="search">
      <label htmlFor="search-input" className="panel-title">
        {fr.search.label}
      </label>
      <input
        id="search-input"
        className="input search-input"
        type="search"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        placeholder={fr.search.placeholder}
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && results[active] ? optionId(active) : undefined}
        aria-describedby="search-hint"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setIsOpen(true);
        }}
        onFocus={() => setIsOpen(true)}
        onBlur={() => setIsOpen(false)}
        onKeyDown={onKeyDown}
      />
      <p id="search-hint" className="visually-hidden">
        {fr.search.hint}
      </p>
      <ul id={listId} role="listbox" className="search-results" hidden={!showList} aria-label={fr.search.label}
        data-testid="search-results">
        {results.map((result, index) => (
          <li key={resultId(result)} id={optionId(index)} role="option" aria-selected={index === active}
            className={`search-result${index === active ? " search-result--active" : ""}`}
            // mousedown, not click: it comes before the input's blur closes the list.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(index);
            }}
            onMouseEnter={() => setActive(index)}>
            {result.type === "node" ? (
              <>
                <span className="partner-swatch" style={{ backgroundColor: CATEGORY_COLOURS[categoryOf(result.node)] }}
                  aria-hidden="true" />
                <span className="search-result-text">
                  <span className="search-result-name">{result.node.name}</span>
                  <span className="search-result-commune">
                    {[fr.search.kinds[result.node.kind], result.node.communeName].filter(Boolean).join(" · ")}
                  </span>
                </span>
              </>
            ) : (
              <>
                <span className={`partner-swatch partner-swatch--${result.entry.kind === "COMMUNE" ? "commune" : "group"}`} aria-hidden="true" />
                <span className="search-result-text">
                  <span className="search-result-name">{result.entry.name}</span>
                  <span className="search-result-commune">{fr.search.kinds[result.entry.kind]}</span>
                </span>
              </>
            )}
          </li>
        ))}
      </ul>
      {showList && results.length === 0 && (
        <p className="search-empty">
          {fr.search.noResult}
          {elsewhere && (
            <>
              {" "}
              <button type="button" className="link-button" data-testid="search-elsewhere" onClick={elsewhere.onSelect}>
                {elsewhere.label}
              </button>
            </>
          )}
        </p>
      )}
      <p className="visually-hidden" aria-live="polite">
        {showList ? fr.search.results(results.length) : ""}
      </p>
    </div>
  );
}
