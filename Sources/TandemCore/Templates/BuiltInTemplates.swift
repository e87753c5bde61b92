/// The default templates, strings and assets, compiled into the binary from
/// `Sources/TandemCore/Defaults/` so that a folder with only `content/` builds.
/// Each file is listed here by its path; a test checks the list against the folder.
public enum BuiltInTemplates {
    public static let files: [(path: String, bytes: [UInt8])] = [
        ("layouts/base.mustache", PackageResources.base_mustache),
        ("layouts/page.mustache", PackageResources.page_mustache),
        ("layouts/focal-point-directory.mustache", PackageResources.focal_point_directory_mustache),
        ("layouts/focal-point-topic.mustache", PackageResources.focal_point_topic_mustache),
        ("layouts/list.mustache", PackageResources.list_mustache),
        ("layouts/home.mustache", PackageResources.home_mustache),
        ("layouts/focal-point.mustache", PackageResources.focal_point_mustache),
        ("layouts/taxonomy.mustache", PackageResources.taxonomy_mustache),
        ("layouts/search.mustache", PackageResources.search_mustache),
        ("layouts/not-found.mustache", PackageResources.not_found_mustache),
        ("layouts/alias.mustache", PackageResources.alias_mustache),
        ("partials/joint-notice.mustache", PackageResources.joint_notice_mustache),
        ("partials/focal-points.mustache", PackageResources.focal_points_mustache),
        ("partials/focal-point-groups.mustache", PackageResources.focal_point_groups_mustache),
        ("partials/focal-point-topics.mustache", PackageResources.focal_point_topics_mustache),
        ("partials/site-header.mustache", PackageResources.site_header_mustache),
        ("partials/site-footer.mustache", PackageResources.site_footer_mustache),
        ("partials/page-meta.mustache", PackageResources.page_meta_mustache),
        ("partials/translations.mustache", PackageResources.translations_mustache),
        ("partials/item-list.mustache", PackageResources.item_list_mustache),
        ("partials/pagination.mustache", PackageResources.pagination_mustache),
        ("partials/preview-banner.mustache", PackageResources.preview_banner_mustache),
        ("strings/en.yaml", PackageResources.en_yaml),
        ("strings/fr.yaml", PackageResources.fr_yaml),
        ("strings/es.yaml", PackageResources.es_yaml),
        ("strings/ar.yaml", PackageResources.ar_yaml),
        ("assets/style.css", PackageResources.style_css),
        ("assets/search.js", PackageResources.search_js),
    ]
}
