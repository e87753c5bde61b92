// The few libvips calls Tandem makes, as plain C functions Swift can call
// (`shim.c`; Swift cannot call C's variadic functions). libvips is opened
// at run time (`dlopen`), not linked: see `shim.c`.
#ifndef TANDEM_CVIPS_H
#define TANDEM_CVIPS_H

#include <stddef.h>

/// Opens libvips and starts it, once: 0 when started; -1 if the library is
/// missing, -2 if it is another ABI, -3 if it would not start.
int tandem_vips_start(void);

/// The last error libvips reported, cleared.
void tandem_vips_error(char *buffer, size_t length);

/// Reads an image's header only: its size as shown (after its EXIF
/// orientation), its pages, and the name of its loader (`jpegload`, ...).
int tandem_vips_header(const char *path, int *width, int *height, int *pages, char *loader, size_t loader_length);

/// Whether libvips has a saver for files named like `name` (`x.avif`).
int tandem_vips_can_save(const char *name);

/// Makes `output` from the image at `input`, `width` pixels wide at most,
/// its orientation applied and, unless `keep_metadata`, its metadata dropped.
int tandem_vips_thumbnail(const char *input, const char *output, int width, int keep_metadata);

#endif
