/** The cell inputs moved to the core, where the WPS host takes them too (src/core/sheet/cellInputs.ts). */
export * from '../../core/sheet/cellInputs';
