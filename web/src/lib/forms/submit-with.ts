/** An `onsubmit` handler that keeps the browser from sending the form and runs `action` instead. */
export function submitWith(action: () => unknown): (event: SubmitEvent) => void {
  return (event) => {
    event.preventDefault();
    void action();
  };
}
