/**
 * Which sheet each keytask-made sheet goes to, shared by generation and roll-up: a sheet keytask
 * registered before under the same key and kind is reused under whatever name the user gave it;
 * otherwise a new one is registered under the wanted name or, when a sheet of the user's holds
 * that name, the next free one (reported as a conflict for the host to confirm).
 */
import { freeSheetName } from '../generate/sheetNames';
import type { SheetKind } from '../model';
import { type KeytaskSheet, type RegistryEntry, REGISTRY_SHEET, buildRegistrySheet, nextRegistryName, registryName } from './registry';
import type { NameSpec, SheetSpec } from './spec';

/** A sheet of the user's holds the name keytask wanted; it is left alone and `used` is taken instead. */
export interface NameConflict {
  key: string;
  wanted: string;
  used: string;
}

export interface Claim {
  /** the sheet's name in the workbook */
  name: string;
  entry: RegistryEntry;
  /** the sheet keytask made before under this key, when it is reused */
  prior?: KeytaskSheet & { sheet: string };
}

type Live = KeytaskSheet & { sheet: string };

export class SheetClaims {
  readonly registry: RegistryEntry[];
  readonly conflicts: NameConflict[] = [];
  /** the defined names of every sheet claimed so far */
  readonly names: NameSpec[] = [];
  private readonly taken: Set<string>;
  private readonly usedNames: Set<string>;
  private readonly live: Map<string, Live>;

  constructor(existing: { sheetNames: string[]; keytaskSheets: KeytaskSheet[] }) {
    this.registry = existing.keytaskSheets.map(({ sheet: _sheet, ...e }) => e);
    this.taken = new Set([...existing.sheetNames, REGISTRY_SHEET]);
    this.usedNames = new Set(this.registry.map((e) => e.name));
    this.live = new Map(existing.keytaskSheets.filter((s): s is Live => s.sheet !== null).map((s) => [s.key, s]));
  }

  /** @param fields registry fields to record (period, language, county), on a new or a reused entry */
  claim(key: string, kind: SheetKind, wanted: string, fields: Partial<RegistryEntry> = {}): Claim {
    const live = this.live.get(key);
    // Only a sheet keytask registered under this key and kind is reused; a sheet of the user's never is.
    const prior = live && live.kind === kind ? live : undefined;
    let name: string;
    let entry: RegistryEntry;
    if (prior) {
      name = prior.sheet;
      const idx = this.registry.findIndex((e) => e.name === prior.name);
      entry = { ...this.registry[idx], ...fields };
      this.registry[idx] = entry;
    } else {
      name = freeSheetName(wanted, this.taken);
      if (name !== wanted) this.conflicts.push({ key, wanted, used: name });
      entry = { name: nextRegistryName(this.usedNames), key, kind, ...fields };
      // A registry row whose sheet was deleted is replaced by the new one.
      const stale = this.registry.findIndex((e) => e.key === key);
      if (stale >= 0) this.registry.splice(stale, 1);
      this.registry.push(entry);
    }
    this.taken.add(name);
    this.usedNames.add(entry.name);
    this.names.push(registryName(entry, name));
    return prior ? { name, entry, prior } : { name, entry };
  }

  /** Defined names of the keytask sheets nobody claimed (other counties, summaries), so they stay. */
  untouchedNames(): NameSpec[] {
    return [...this.live.values()].filter((s) => !this.names.some((n) => n.name === s.name)).map((s) => registryName(s, s.sheet));
  }

  registrySheet(): SheetSpec {
    return buildRegistrySheet(this.registry);
  }
}
