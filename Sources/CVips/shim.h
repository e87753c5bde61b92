// Non-variadic wrappers around the few libvips calls Tandem makes (Swift
// cannot call C's variadic functions). Tandem never decodes or encodes an
// image itself: libvips does, in `Sources/TandemCore/Images/`.
#include <vips/vips.h>
#include <string.h>

/// Starts libvips once: one thread per image (the build runs images in
/// parallel itself) and no operation cache (each image is read once).
static inline int tandem_vips_start(void) {
    if (VIPS_INIT("tandem")) return -1;
    vips_concurrency_set(1);
    vips_cache_set_max(0);
    return 0;
}

/// The last error libvips reported, cleared.
static inline void tandem_vips_error(char *buffer, size_t length) {
    if (length == 0) return;
    strncpy(buffer, vips_error_buffer(), length - 1);
    buffer[length - 1] = 0;
    vips_error_clear();
}

/// Reads an image's header only: its size as shown (after its EXIF
/// orientation), and the name of the loader (`jpegload`, `pngload`, ...).
static inline int tandem_vips_header(const char *path, int *width, int *height, int *pages,
                                     char *loader, size_t loader_length) {
    const char *name = vips_foreign_find_load(path);
    if (!name) return -1;
    VipsImage *image = vips_image_new_from_file(path, "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    if (!image) return -1;
    int swap = vips_image_get_orientation_swap(image);
    *width = swap ? vips_image_get_height(image) : vips_image_get_width(image);
    *height = swap ? vips_image_get_width(image) : vips_image_get_height(image);
    *pages = vips_image_get_n_pages(image);
    if (loader_length > 0) {
        strncpy(loader, name, loader_length - 1);
        loader[loader_length - 1] = 0;
    }
    g_object_unref(image);
    return 0;
}

/// Whether libvips has a saver for files named like `name` (`x.avif`):
/// AVIF needs its heif module, built with libheif.
static inline int tandem_vips_can_save(const char *name) {
    int found = vips_foreign_find_save(name) != NULL;
    vips_error_clear();
    return found;
}

/// Whether a metadata field may stay in a published image: the colour
/// profile and the fields libvips needs to describe the pixels.
static inline int tandem_vips_field_is_kept(const char *name) {
    return strcmp(name, "icc-profile-data") == 0 || strcmp(name, "xres") == 0 || strcmp(name, "yres") == 0
        || strcmp(name, "resolution-unit") == 0 || strcmp(name, "bits-per-sample") == 0
        || strcmp(name, "palette-bit-depth") == 0 || strcmp(name, "interlaced") == 0;
}

/// Makes `output` (its extension and `[options]` choose the format) from the
/// image at `input`, `width` pixels wide at most (never larger), with its
/// orientation applied to the pixels. Unless `keep_metadata`, every metadata
/// field but the colour profile is dropped first: EXIF (GPS, camera, time),
/// XMP, IPTC, comments, the embedded thumbnail.
static inline int tandem_vips_thumbnail(const char *input, const char *output, int width, int keep_metadata) {
    VipsImage *thumbnail = NULL;
    if (vips_thumbnail(input, &thumbnail, width, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN, NULL)) return -1;
    VipsImage *copy = NULL;
    if (vips_copy(thumbnail, &copy, NULL)) {
        g_object_unref(thumbnail);
        return -1;
    }
    g_object_unref(thumbnail);
    if (!keep_metadata) {
        gchar **fields = vips_image_get_fields(copy);
        for (int i = 0; fields[i]; i++) {
            if (!tandem_vips_field_is_kept(fields[i])) vips_image_remove(copy, fields[i]);
        }
        g_strfreev(fields);
    }
    int result = vips_image_write_to_file(copy, output, NULL);
    g_object_unref(copy);
    return result;
}
