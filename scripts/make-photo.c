// Makes a photo-like JPEG (soft shapes, colour, grain) with libvips, for the
// sample site, the test fixtures and scripts/bench-images.sh — no camera
// photos needed.
//   cc scripts/make-photo.c $(pkg-config --cflags --libs vips) -o make-photo
//   ./make-photo OUT.jpg WIDTH HEIGHT SEED
#include <vips/vips.h>
#include <stdio.h>
#include <stdlib.h>

static VipsImage *channel(VipsObject *scope, int width, int height, int cell, int seed, double scale, double offset) {
    VipsImage **t = (VipsImage **) vips_object_local_array(scope, 3);
    if (vips_perlin(&t[0], width, height, "cell_size", cell, "seed", seed, NULL)) return NULL;
    if (vips_linear1(t[0], &t[1], scale, offset, NULL)) return NULL;
    return t[1];
}

int main(int argc, char **argv) {
    if (argc != 5) { fprintf(stderr, "usage: make-photo OUT.jpg WIDTH HEIGHT SEED\n"); return 2; }
    if (VIPS_INIT(argv[0])) vips_error_exit(NULL);
    int width = atoi(argv[2]), height = atoi(argv[3]), seed = atoi(argv[4]);
    VipsObject *scope = VIPS_OBJECT(vips_image_new());
    VipsImage **t = (VipsImage **) vips_object_local_array(scope, 8);
    VipsImage *bands[3];
    int cell = width / 6 > 8 ? width / 6 : 8;
    bands[0] = channel(scope, width, height, cell, seed, 120, 140);
    bands[1] = channel(scope, width, height, cell * 2 / 3, seed + 1, 110, 120);
    bands[2] = channel(scope, width, height, cell / 2, seed + 2, 100, 100);
    if (!bands[0] || !bands[1] || !bands[2]) vips_error_exit(NULL);
    if (vips_bandjoin(bands, &t[0], 3, NULL)) vips_error_exit(NULL);
    if (vips_gaussnoise(&t[1], width, height, "sigma", 6.0, "seed", seed, NULL)) vips_error_exit(NULL);
    if (vips_add(t[0], t[1], &t[2], NULL)) vips_error_exit(NULL);
    if (vips_cast(t[2], &t[3], VIPS_FORMAT_UCHAR, NULL)) vips_error_exit(NULL);
    if (vips_copy(t[3], &t[4], "interpretation", VIPS_INTERPRETATION_sRGB, NULL)) vips_error_exit(NULL);
    // Attach the built-in sRGB profile, as cameras do.
    if (vips_icc_transform(t[4], &t[5], "srgb", "embedded", FALSE, "input_profile", "srgb", NULL)) vips_error_exit(NULL);
    if (vips_image_write_to_file(t[5], argv[1], "Q", 88, NULL)) vips_error_exit(NULL);
    g_object_unref(scope);
    vips_shutdown();
    return 0;
}
