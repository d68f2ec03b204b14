import { TextField } from "@/components/ui/text-field";

type ProjectNameConfirmationProps = {
  projectName: string;
  value: string;
  onChange: (value: string) => void;
  disabled: boolean;
};

/** The project's name, typed out before the secret key can be rotated. */
export function ProjectNameConfirmation(props: ProjectNameConfirmationProps) {
  const { projectName, value, onChange, disabled } = props;
  return (
    <TextField
      name="projectName"
      label={`Type the project name, ${projectName}, to confirm`}
      hint="The button below stays disabled until the name matches exactly."
      autoComplete="off"
      spellCheck={false}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      disabled={disabled}
    />
  );
}

/** Exact, with case and spaces: the point is to make the owner read which project this is. */
export function projectNameMatches(projectName: string, typed: string): boolean {
  return typed === projectName;
}
