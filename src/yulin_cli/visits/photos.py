"""Reading a visit's photos (Q15): content hash, size, and the EXIF date-time and GPS position.

The file stays where the user keeps it; only what it proves is recorded. Pillow is imported
only when a photo is given, so every other command starts without it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import os
from pathlib import Path
from typing import Any

from yulin_cli import rules
from yulin_cli.errors import BadInput
from yulin_cli.frozen import frozen

# ISO-BMFF brands of HEIF/HEIC files (what iPhones save by default): Pillow cannot read them.
_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}
_EXIF_IFD, _GPS_IFD = 0x8769, 0x8825
_DATE_TIME_ORIGINAL, _DATE_TIME_DIGITIZED, _DATE_TIME = 36867, 36868, 306


@frozen
class PhotoFile:
    """One photo as recorded: where it is, its hash and size, and its EXIF facts."""

    path: str
    sha256: str
    size: int
    taken_at: str | None  # YYYY-MM-DDTHH:MM:SS, the camera's local time
    latitude: float | None
    longitude: float | None

    def facts(self) -> rules.Photo:
        position = (None if self.latitude is None or self.longitude is None
                    else (self.latitude, self.longitude))
        return rules.Photo(self.sha256, self.taken_at, position)


def read_photo(path: Path) -> PhotoFile:
    """The photo at ``path``, or a BadInput (exit 2): missing, unreadable, HEIC, not an image."""
    shown = str(path)
    try:
        resolved = Path(os.path.expanduser(path)).resolve()
        if not resolved.is_file():
            raise BadInput("photo.missing", path=shown)
        digest, size, head = hashlib.sha256(), 0, b""
        with resolved.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                if not head:
                    head = chunk[:16]
                digest.update(chunk)
                size += len(chunk)
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
        raise BadInput("photo.unreadable", path=shown,
                       error=getattr(exc, "strerror", None) or str(exc)) from None
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        raise BadInput("photo.heic", path=shown)
    taken_at, position = _exif(resolved, shown)
    return PhotoFile(str(resolved), digest.hexdigest(), size, taken_at,
                     *(position if position else (None, None)))


def _exif(path: Path, shown: str) -> tuple[str | None, tuple[float, float] | None]:
    from PIL import Image, UnidentifiedImageError

    # Only the header and EXIF are read, never the pixels: a 200-megapixel photo is no bomb.
    Image.MAX_IMAGE_PIXELS = None
    try:
        with Image.open(path) as image:
            exif = image.getexif()
            stamp = (exif.get_ifd(_EXIF_IFD).get(_DATE_TIME_ORIGINAL)
                     or exif.get_ifd(_EXIF_IFD).get(_DATE_TIME_DIGITIZED)
                     or exif.get(_DATE_TIME))
            gps = dict(exif.get_ifd(_GPS_IFD))
    except UnidentifiedImageError:
        raise BadInput("photo.not_image", path=shown) from None
    except (OSError, SyntaxError, ValueError, TypeError, KeyError, IndexError):
        # A damaged EXIF block: the image is real, its dates and position unknown.
        return None, None
    return _exif_time(stamp), _gps_position(gps)


def _exif_time(value: Any) -> str | None:
    """EXIF's ``YYYY:MM:DD HH:MM:SS`` as ISO text; anything else is no date."""
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    if not isinstance(value, str):
        return None
    try:
        stamp = dt.datetime.strptime(value.strip("\x00 ")[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    return stamp.isoformat(timespec="seconds")


def _degrees(value: Any, ref: Any, negative: str) -> float | None:
    try:
        d, m, s = (float(part) for part in value)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    degrees = d + m / 60 + s / 3600
    if not math.isfinite(degrees):
        return None
    if isinstance(ref, bytes):
        ref = ref.decode("ascii", "replace")
    return -degrees if str(ref).strip().upper() == negative else degrees


def _gps_position(gps: dict[int, Any]) -> tuple[float, float] | None:
    """EXIF GPS (degrees, minutes, seconds and N/S, E/W) as WGS-84 decimal degrees."""
    if 2 not in gps or 4 not in gps:
        return None
    lat = _degrees(gps[2], gps.get(1, "N"), "S")
    lng = _degrees(gps[4], gps.get(3, "E"), "W")
    if lat is None or lng is None or not (-90 <= lat <= 90 and -180 <= lng <= 180):
        return None
    if lat == 0 and lng == 0:  # a camera without a fix writes zeros
        return None
    return round(lat, 6), round(lng, 6)
