/* The public header on its own: it must compile as strict C11 with every
 * warning an error (tests/meson.build sets the flags) and need nothing
 * else included first; calling into the shared library shows it links. */
#include <attrib.h>

int main(void)
{
    const char *v = attrib_version();
    return v && v[0] ? 0 : 1;
}
