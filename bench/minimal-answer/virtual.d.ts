declare module 'virtual:bench-survey' {
  const json: Record<string, unknown>;
  export default json;
}
