/** `<alb>-<port as 5 digits>`, e.g. alb-demo-00080: the name the ALB gives the Frontend of a port. */
export function frontendName(alb: string, port: number): string {
  return `${alb}-${String(port).padStart(5, '0')}`;
}

/** Whether `frontend` is a name `frontendName` gives a Frontend of ALB `alb`. */
export function isFrontendNameOf(alb: string, frontend: string): boolean {
  return frontend.startsWith(`${alb}-`) && /^\d{5}$/.test(frontend.slice(alb.length + 1));
}
