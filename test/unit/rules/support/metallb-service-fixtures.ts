/**
 * Fixture files of test/fixtures/service/ whose cases exercise the metallb family's Service rules
 * (metallb/service-annotations, metallb/lb-ip-sharing). They stay beside the other Service cases
 * until the fixtures are reorganised; the metallb tests run them, the service tests skip them.
 */
export const METALLB_SERVICE_FIXTURES: readonly string[] = ['ip-sharing.yaml', 'metallb-annotations.yaml'];
