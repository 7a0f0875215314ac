/** A form-level message that screen readers announce as soon as it appears. */
export function FormError({ message, id }: { message: string | null; id?: string }) {
  return (
    <div role="alert" id={id} className="form-error" hidden={!message}>
      {message}
    </div>
  );
}
