// Non-variadic wrappers around the few libvips calls Tandem makes (Swift
// cannot call C's variadic functions), declared in `include/CVips.h`.
// Tandem never decodes or encodes an image itself: libvips does, in
// `Sources/TandemCore/Images/`.
//
// libvips is opened when the first image is read or made (`dlopen`), not
// linked: it brings in about a hundred libraries (glib, librsvg, poppler,
// libheif, ...) whose loading costs a quarter of a second and about 25 MB
// of memory, which a build whose images are all known does not pay. The
// declarations below are the parts of libvips 8's ABI (soname
// libvips.so.42) that these wrappers use; `tandem_vips_start` checks the
// ABI version before any other call.
#include "CVips.h"
#include <dlfcn.h>
#include <string.h>

typedef struct _TandemVipsImage TandemVipsImage;

/// libvips's functions, looked up by name once the library is open.
struct TandemVipsFunctions {
    int (*version)(int flag);
    int (*init)(const char *argv0);
    void (*concurrency_set)(int concurrency);
    void (*cache_set_max)(int max);
    const char *(*error_buffer)(void);
    void (*error_clear)(void);
    const char *(*foreign_find_load)(const char *filename);
    const char *(*foreign_find_save)(const char *filename);
    TandemVipsImage *(*image_new_from_file)(const char *name, ...);
    int (*image_get_orientation_swap)(TandemVipsImage *image);
    int (*image_get_width)(const TandemVipsImage *image);
    int (*image_get_height)(const TandemVipsImage *image);
    int (*image_get_n_pages)(TandemVipsImage *image);
    int (*thumbnail)(const char *filename, TandemVipsImage **out, int width, ...);
    int (*copy)(TandemVipsImage *in, TandemVipsImage **out, ...);
    char **(*image_get_fields)(TandemVipsImage *image);
    int (*image_remove)(TandemVipsImage *image, const char *name);
    int (*image_write_to_file)(TandemVipsImage *image, const char *name, ...);
    void (*object_unref)(void *object);
    void (*strfreev)(char **strings);
};

/// The one table of the process. It lives in this file, not in a header:
/// a header's inline functions are copied into every object that uses them
/// (Swift inlines across files in release builds), each copy with its own
/// static table, and only the first would ever be filled.
static struct TandemVipsFunctions tandem_vips;

/// The values of libvips's enums and limits that the wrappers pass.
enum {
    TANDEM_VIPS_ABI = 42,                 // VIPS_LIBRARY_CURRENT - VIPS_LIBRARY_AGE
    TANDEM_VIPS_ACCESS_SEQUENTIAL = 1,    // VipsAccess
    TANDEM_VIPS_SIZE_DOWN = 2,            // VipsSize
    TANDEM_VIPS_MAX_COORD = 10000000,     // VIPS_MAX_COORD
};

/// Opens libvips and starts it, once: one thread per image (the build runs
/// images in parallel itself) and no operation cache (each image is read
/// once). 0 when started; -1 if the library is missing, -2 if it is another
/// ABI, -3 if it would not start.
int tandem_vips_start(void) {
    void *library = dlopen("libvips.so.42", RTLD_NOW | RTLD_LOCAL);
    if (!library) return -1;
#define TANDEM_VIPS_FIND(field, name) \
    if (!(*(void **)&tandem_vips.field = dlsym(library, name))) return -1;
    TANDEM_VIPS_FIND(version, "vips_version")
    TANDEM_VIPS_FIND(init, "vips_init")
    TANDEM_VIPS_FIND(concurrency_set, "vips_concurrency_set")
    TANDEM_VIPS_FIND(cache_set_max, "vips_cache_set_max")
    TANDEM_VIPS_FIND(error_buffer, "vips_error_buffer")
    TANDEM_VIPS_FIND(error_clear, "vips_error_clear")
    TANDEM_VIPS_FIND(foreign_find_load, "vips_foreign_find_load")
    TANDEM_VIPS_FIND(foreign_find_save, "vips_foreign_find_save")
    TANDEM_VIPS_FIND(image_new_from_file, "vips_image_new_from_file")
    TANDEM_VIPS_FIND(image_get_orientation_swap, "vips_image_get_orientation_swap")
    TANDEM_VIPS_FIND(image_get_width, "vips_image_get_width")
    TANDEM_VIPS_FIND(image_get_height, "vips_image_get_height")
    TANDEM_VIPS_FIND(image_get_n_pages, "vips_image_get_n_pages")
    TANDEM_VIPS_FIND(thumbnail, "vips_thumbnail")
    TANDEM_VIPS_FIND(copy, "vips_copy")
    TANDEM_VIPS_FIND(image_get_fields, "vips_image_get_fields")
    TANDEM_VIPS_FIND(image_remove, "vips_image_remove")
    TANDEM_VIPS_FIND(image_write_to_file, "vips_image_write_to_file")
    TANDEM_VIPS_FIND(object_unref, "g_object_unref")
    TANDEM_VIPS_FIND(strfreev, "g_strfreev")
#undef TANDEM_VIPS_FIND
    // What VIPS_INIT checks: the library's ABI is the one declared here.
    if (tandem_vips.version(3) - tandem_vips.version(5) != TANDEM_VIPS_ABI) return -2;
    if (tandem_vips.init("tandem")) return -3;
    tandem_vips.concurrency_set(1);
    tandem_vips.cache_set_max(0);
    return 0;
}

/// The last error libvips reported, cleared.
void tandem_vips_error(char *buffer, size_t length) {
    if (length == 0) return;
    strncpy(buffer, tandem_vips.error_buffer(), length - 1);
    buffer[length - 1] = 0;
    tandem_vips.error_clear();
}

/// Reads an image's header only: its size as shown (after its EXIF
/// orientation), and the name of the loader (`jpegload`, `pngload`, ...).
int tandem_vips_header(const char *path, int *width, int *height, int *pages,
                                     char *loader, size_t loader_length) {
    const char *name = tandem_vips.foreign_find_load(path);
    if (!name) return -1;
    TandemVipsImage *image = tandem_vips.image_new_from_file(path, "access", TANDEM_VIPS_ACCESS_SEQUENTIAL, NULL);
    if (!image) return -1;
    int swap = tandem_vips.image_get_orientation_swap(image);
    *width = swap ? tandem_vips.image_get_height(image) : tandem_vips.image_get_width(image);
    *height = swap ? tandem_vips.image_get_width(image) : tandem_vips.image_get_height(image);
    *pages = tandem_vips.image_get_n_pages(image);
    if (loader_length > 0) {
        strncpy(loader, name, loader_length - 1);
        loader[loader_length - 1] = 0;
    }
    tandem_vips.object_unref(image);
    return 0;
}

/// Whether libvips has a saver for files named like `name` (`x.avif`):
/// AVIF needs its heif module, built with libheif.
int tandem_vips_can_save(const char *name) {
    int found = tandem_vips.foreign_find_save(name) != NULL;
    tandem_vips.error_clear();
    return found;
}

/// Whether a metadata field may stay in a published image: the colour
/// profile and the fields libvips needs to describe the pixels.
static int tandem_vips_field_is_kept(const char *name) {
    return strcmp(name, "icc-profile-data") == 0 || strcmp(name, "xres") == 0 || strcmp(name, "yres") == 0
        || strcmp(name, "resolution-unit") == 0 || strcmp(name, "bits-per-sample") == 0
        || strcmp(name, "palette-bit-depth") == 0 || strcmp(name, "interlaced") == 0;
}

/// Makes `output` (its extension and `[options]` choose the format) from the
/// image at `input`, `width` pixels wide at most (never larger), with its
/// orientation applied to the pixels. Unless `keep_metadata`, every metadata
/// field but the colour profile is dropped first: EXIF (GPS, camera, time),
/// XMP, IPTC, comments, the embedded thumbnail.
int tandem_vips_thumbnail(const char *input, const char *output, int width, int keep_metadata) {
    TandemVipsImage *thumbnail = NULL;
    if (tandem_vips.thumbnail(input, &thumbnail, width, "height", TANDEM_VIPS_MAX_COORD,
                              "size", TANDEM_VIPS_SIZE_DOWN, NULL)) return -1;
    TandemVipsImage *copy = NULL;
    if (tandem_vips.copy(thumbnail, &copy, NULL)) {
        tandem_vips.object_unref(thumbnail);
        return -1;
    }
    tandem_vips.object_unref(thumbnail);
    if (!keep_metadata) {
        char **fields = tandem_vips.image_get_fields(copy);
        for (int i = 0; fields[i]; i++) {
            if (!tandem_vips_field_is_kept(fields[i])) tandem_vips.image_remove(copy, fields[i]);
        }
        tandem_vips.strfreev(fields);
    }
    int result = tandem_vips.image_write_to_file(copy, output, NULL);
    tandem_vips.object_unref(copy);
    return result;
}
