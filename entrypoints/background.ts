export default defineBackground(() => {
  // The GWS session owner is wired in here (lib/background).
});
