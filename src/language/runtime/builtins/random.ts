/** The language's seeded generator is the engine's (networks and datasets use the same one). */
export { Random } from '../../../engine';
