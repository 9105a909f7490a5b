"""meson install, into a DESTDIR, puts everything where its users look:
the library with its soversion, the headers, attrib.pc, the examples and
the Python package; the installed example builds with pkg-config alone and
runs, and the installed Python package finds the installed library."""
import os
import shutil
import subprocess
import sys
import sysconfig

import pytest

ENV = os.environ


@pytest.fixture(scope="module")
def dest(tmp_path_factory):
    d = tmp_path_factory.mktemp("destdir")
    subprocess.run(["meson", "install", "-C", ENV["MESON_BUILD_ROOT"], "--no-rebuild",
                    "--quiet", "--destdir", str(d)], check=True)
    return d


def at(dest, path):
    return os.path.join(str(dest), path.lstrip("/"))


def test_library_and_soname(dest):
    libdir = at(dest, ENV["ATTRIB_LIBDIR"])
    version = ENV["ATTRIB_VERSION"]
    real = os.path.join(libdir, "libattrib.so." + version)
    assert os.path.isfile(real) and not os.path.islink(real)
    assert os.readlink(os.path.join(libdir, "libattrib.so.0")) == "libattrib.so." + version
    assert os.path.realpath(os.path.join(libdir, "libattrib.so")) == os.path.realpath(real)
    soname = subprocess.run(["objdump", "-p", real], capture_output=True, text=True).stdout
    assert "SONAME               libattrib.so.0" in soname


def test_headers_pc_examples(dest):
    inc = at(dest, ENV["ATTRIB_INCLUDEDIR"])
    assert os.path.isfile(os.path.join(inc, "attrib.h"))
    assert os.path.isfile(os.path.join(inc, "attrib_version.h"))
    assert os.path.isfile(os.path.join(at(dest, ENV["ATTRIB_LIBDIR"]), "pkgconfig", "attrib.pc"))
    ex = at(dest, ENV["ATTRIB_EXAMPLESDIR"])
    for name in ["claims.c", "attrib-extract.c", "dask_corpus.py", "samples/en-1.txt"]:
        assert os.path.isfile(os.path.join(ex, name)), name
    assert os.access(at(dest, ENV["ATTRIB_PREFIX"] + "/bin/attrib-extract"), os.X_OK)


def test_example_builds_with_pkg_config(dest, tmp_path):
    libdir = at(dest, ENV["ATTRIB_LIBDIR"])
    # The sysroot makes pkg-config prefix the DESTDIR to the .pc file's
    # paths, as if the tree were installed at its prefix.
    env = dict(ENV, PKG_CONFIG_SYSROOT_DIR=str(dest),
               PKG_CONFIG_LIBDIR=os.path.join(libdir, "pkgconfig"))
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "attrib"], env=env,
                           capture_output=True, text=True, check=True).stdout.split()
    assert any(f.startswith("-I" + str(dest)) for f in flags), flags
    exe = tmp_path / "claims"
    src = os.path.join(at(dest, ENV["ATTRIB_EXAMPLESDIR"]), "claims.c")
    subprocess.run([ENV.get("CC", "cc"), "-std=c11", "-Wall", "-Werror", src, "-o", str(exe)]
                   + flags, check=True)
    run = subprocess.run([str(exe)], env=dict(ENV, LD_LIBRARY_PATH=libdir),
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "| asserts |" in run.stdout
    # It runs against the installed library, not the build tree's.
    ldd = subprocess.run(["ldd", str(exe)], env=dict(ENV, LD_LIBRARY_PATH=libdir),
                         capture_output=True, text=True).stdout
    assert os.path.join(libdir, "libattrib.so.0") in ldd


def test_python_dir_is_read():
    """Installed under the interpreter's own prefix, the package lands
    where that interpreter looks (Debian: /usr/local/lib/python3.X/
    dist-packages for /usr/local)."""
    site = sysconfig.get_path("purelib")
    if site.startswith(ENV["ATTRIB_PREFIX"].rstrip("/") + "/"):
        assert ENV["ATTRIB_PYTHONDIR"].rstrip("/") == site
        assert site in sys.path


def test_python_package(dest):
    pydir = at(dest, ENV["ATTRIB_PYTHONDIR"])
    libdir = at(dest, ENV["ATTRIB_LIBDIR"])
    env = {k: v for k, v in ENV.items() if k not in ("ATTRIB_LIBRARY", "PYTHONPATH")}
    env.update(PYTHONPATH=pydir, LD_LIBRARY_PATH=libdir)
    code = ("import attrib, attrib._installed as i, attrib._native as n;"
            "print(attrib.__file__); print(i.LIBDIR); print(n.lib.path);"
            "print(attrib.Extractor().extract('The FBI said Russia was behind the attack.')"
            ".claims[0].actor.canonical)")
    run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         cwd="/")
    assert run.returncode == 0, run.stderr
    file, recorded, loaded, actor = run.stdout.splitlines()
    assert file.startswith(pydir)
    assert recorded == ENV["ATTRIB_LIBDIR"]
    # Not installed at the recorded prefix here, so the loader's path found it.
    assert loaded == "libattrib.so.0"
    assert actor == "Russia"
