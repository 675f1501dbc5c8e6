/** Placeholder until the desktop-app issue builds the case list and editor. */
export function App() {
  return (
    <main>
      <h1>Casefile</h1>
      <p>The case list and editor are not built yet. Use the <code>casefile</code> command line.</p>
    </main>
  );
}
