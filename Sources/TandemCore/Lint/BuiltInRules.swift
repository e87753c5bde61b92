/// The terminology rules of DOMAIN.md ("Candidate lint rules"), compiled into
/// Tandem from `Sources/TandemCore/Defaults/lint/`: each a YAML file in the
/// same format as a site's `lint/ID.yaml`, so a site replaces one by writing
/// a file of the same name. A test checks the list against the folder.
///
/// They are files rather than Swift values so that the built-in rules read
/// exactly like the ones a site writes (and can be copied as a start), and
/// go through the same loader and its checks.
enum BuiltInRules {
    static let files: [(id: String, bytes: [UInt8])] = [
        ("bogus-asylum", PackageResources.bogus_asylum_yaml),
        ("climate-refugee", PackageResources.climate_refugee_yaml),
        ("economic-migrant", PackageResources.economic_migrant_yaml),
        ("economic-refugee", PackageResources.economic_refugee_yaml),
        ("es-illegal", PackageResources.es_illegal_yaml),
        ("failed-asylum", PackageResources.failed_asylum_yaml),
        ("flood-metaphor", PackageResources.flood_metaphor_yaml),
        ("fr-es-climate", PackageResources.fr_es_climate_yaml),
        ("fr-illegal", PackageResources.fr_illegal_yaml),
        ("idp-first-use", PackageResources.idp_first_use_yaml),
        ("idp-refugee", PackageResources.idp_refugee_yaml),
        ("illegal-asylum", PackageResources.illegal_asylum_yaml),
        ("illegal-entry", PackageResources.illegal_entry_yaml),
        ("illegal-migrant", PackageResources.illegal_migrant_yaml),
        ("migrant-on-refugee-page", PackageResources.migrant_on_refugee_page_yaml),
        ("mixed-flows", PackageResources.mixed_flows_yaml),
        ("percent", PackageResources.percent_yaml),
        ("persons-of-concern", PackageResources.persons_of_concern_yaml),
        ("unaccompanied-minors", PackageResources.unaccompanied_minors_yaml),
    ]
}
