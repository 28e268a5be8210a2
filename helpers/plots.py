"""Figure style for the kit: projector-readable, colour-blind safe, sourced, with alt text.

Nothing here runs at import.  A notebook calls :func:`use_style` once in its
set-up cell; a figure is finished with :func:`finish` (title, source line,
alt text) and shown with :func:`show`, which keeps the alt text with the image
so it reaches the HTML handout.

>>> fig, ax = new_figure()
>>> _ = finish(fig, title="Imports doubled", source="Source: GACC, 2025.", alt="Line chart.")
>>> alt_of(fig)
'Line chart.'
"""

from __future__ import annotations

import base64
import io
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

import matplotlib as mpl
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.transforms import Bbox

# Okabe & Ito (2008), "Color Universal Design": distinguishable with the common colour-vision
# deficiencies. Order chosen so the first colours differ most in lightness too (greyscale print).
OKABE_ITO = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "bluish_green": "#009E73",
    "vermillion": "#D55E00",
    "sky_blue": "#56B4E9",
    "reddish_purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
}
PALETTE = list(OKABE_ITO.values())
# A second cue beside colour, so a greyscale print still reads.
MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*"]
LINESTYLES = ["-", "--", "-.", ":", (0, (5, 1)), (0, (3, 1, 1, 1)), (0, (1, 1)), "-"]

STYLE = {
    "figure.figsize": (9.0, 5.0),
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "font.size": 13,
    "axes.titlesize": 15,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 13,
    "xtick.labelsize": 12,
    "ytick.labelsize": 12,
    "legend.fontsize": 12,
    "legend.frameon": False,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "grid.color": "#d0d0d0",
    "grid.linewidth": 0.8,
    "lines.linewidth": 2.5,
    "lines.markersize": 7,
    "axes.prop_cycle": mpl.cycler(color=PALETTE) + mpl.cycler(marker=MARKERS),
    "figure.constrained_layout.use": True,
}
SOURCE_FONTSIZE = 11
MARGIN_PT = 7.2  # space left and right of the title and the source line
#: A figure's source line names up to this many sources and counts the rest (``citation.cite_rows``); the
#: notebook's Sources section lists every one.
MAX_CITED = 4
#: For explorer views, one: the handout stores an image per view, and text is most of its size.
EXPLORER_MAX_CITED = 1


def use_style() -> None:
    """Apply the kit's style to matplotlib (call once, in a notebook's set-up cell).

    >>> import matplotlib as mpl
    >>> with style():
    ...     mpl.rcParams["font.size"]
    13.0
    """
    mpl.rcParams.update(STYLE)


@contextmanager
def style() -> Iterator[None]:
    """The kit's style inside a ``with`` block only (for tests and scripts)."""
    with mpl.rc_context(STYLE):
        yield


def new_figure(width: float = 9.0, height: float = 5.0) -> tuple[Figure, Axes]:
    """A figure and one axes, not attached to pyplot (so nothing leaks between cells).

    >>> fig, ax = new_figure(6, 3)
    >>> [round(v) for v in fig.get_size_inches()]
    [6, 3]
    """
    fig = Figure(figsize=(width, height), layout="constrained")
    ax = fig.add_subplot()
    return fig, ax


def finish(fig: Figure, *, title: str, source: str, alt: str) -> Figure:
    """Give a figure its takeaway title, its source line and its alt text.

    ``title`` states the finding; ``source`` is usually ``helpers.citation.cite(name)``;
    ``alt`` says what the figure shows for someone who cannot see it. The title sits at the top
    left of the figure and the source line at the bottom left, each wrapped to the figure's width,
    so nothing is cut off and saving needs no extra draw to measure the image (no tight bounding box).

    >>> fig, ax = new_figure()
    >>> finish(fig, title="", source="Source: x.", alt="A chart.")
    Traceback (most recent call last):
    ...
    ValueError: title is empty; a figure's title states its finding
    """
    for label, value in (("title", title), ("source", source), ("alt", alt)):
        if not isinstance(value, str) or not value.strip():
            what = {
                "title": "a figure's title states its finding",
                "source": "every figure names its source (helpers.citation.cite)",
                "alt": "every figure needs alt text that states what it shows",
            }[label]
            raise ValueError(f"{label} is empty; {what}")
    width_pt = fig.get_size_inches()[0] * 72
    left = MARGIN_PT / width_pt  # as a fraction of the figure's width
    title_size = mpl.rcParams["axes.titlesize"]
    fig.suptitle(wrap_to_width(title, width_pt - 2 * MARGIN_PT, size=title_size, weight="bold"), x=left,
                 ha="left", fontsize=title_size, fontweight="bold")
    # Figure-level labels above and below everything; constrained layout keeps room for both.
    fig.supxlabel(wrap_to_width(source, width_pt - 2 * MARGIN_PT, size=SOURCE_FONTSIZE), x=left,
                  ha="left", fontsize=SOURCE_FONTSIZE, color="#333333")
    fig._chokepoints_title = title  # read by tests and the handout builder
    fig._chokepoints_alt = alt
    return fig


def wrap_to_width(text: str, width_pt: float, *, size: float, weight: str = "normal") -> str:
    """``text`` broken at spaces into lines no wider than ``width_pt`` points in the kit's font.

    Each word is measured once with matplotlib's own font metrics (no figure is drawn) and a line's
    width is the sum of its words and spaces, so wrapping a long source line stays cheap.

    >>> print(wrap_to_width("one two three four", 60, size=12))
    one two
    three four
    """
    family = tuple(mpl.rcParams["font.family"])
    space = _text_width(" ", family, size, weight)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, used = "", 0.0
        for word in paragraph.split():
            w = _text_width(word, family, size, weight)
            if line and used + space + w > width_pt:
                lines.append(line)
                line, used = word, w
            else:
                line, used = (f"{line} {word}", used + space + w) if line else (word, w)
        lines.append(line)
    return "\n".join(lines)


@lru_cache(maxsize=8192)
def _text_width(text: str, family: tuple[str, ...], size: float, weight: str) -> float:
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    prop = FontProperties(family=list(family), size=size, weight=weight)
    return text_to_path.get_text_width_height_descent(text, prop, ismath=False)[0]


def title_of(fig: Figure) -> str:
    """The takeaway title given to :func:`finish`.

    >>> fig, ax = new_figure()
    >>> title_of(finish(fig, title="Up", source="Source: x.", alt="A chart."))
    'Up'
    """
    return getattr(fig, "_chokepoints_title", "")


def alt_of(fig: Figure) -> str:
    """The alt text given to :func:`finish` ("" if none).

    >>> alt_of(new_figure()[0])
    ''
    """
    return getattr(fig, "_chokepoints_alt", "")


def png_bytes(fig: Figure, compact: bool = False) -> bytes:
    """The figure as PNG bytes (what the notebook and the handout show).

    ``compact=True`` reduces the image to a 256-colour palette: flat charts look the same and the
    file is about a third of the size, which keeps handouts with many precomputed views small.

    >>> fig, ax = new_figure(4, 3)
    >>> _ = ax.plot([0, 1], [0, 1])
    >>> len(png_bytes(fig, compact=True)) < len(png_bytes(fig))
    True
    """
    from PIL import Image

    canvas = _agg_canvas(fig)
    if canvas is None:  # another canvas (an interactive backend) or other save settings: matplotlib's path
        buf = io.BytesIO()
        fig.savefig(buf, format="png", pil_kwargs={"compress_level": 3})
        if not compact:
            return buf.getvalue()
        image = Image.open(io.BytesIO(buf.getvalue()))
    else:
        # One draw on the figure's own canvas: the layout engine runs inside it, and the canvas keeps
        # its renderer, so a figure drawn again (an explorer's) reuses the text metrics it measured.
        # savefig would lay the figure out on a throwaway renderer first, then draw it: same pixels.
        canvas.draw()
        image = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    out = io.BytesIO()
    if compact:
        image = image.convert("RGB").quantize(colors=256, method=Image.Quantize.FASTOCTREE,
                                              dither=Image.Dither.NONE)
        image.save(out, "PNG")
    else:
        # The layout engine has already made room for the title, labels and source line: the figure's
        # own canvas is the image (bbox_inches="tight" would draw everything a second time to measure
        # it). zlib level 3: measured on the kit's figures, faster than the default (6) and no larger.
        dpi = round(fig.dpi)
        image.save(out, "PNG", compress_level=3, dpi=(dpi, dpi))
    return out.getvalue()


def _agg_canvas(fig: Figure):
    """The figure's Agg canvas (attached on first use), or None when savefig must be used instead."""
    from matplotlib.backend_bases import FigureCanvasBase
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    rc = mpl.rcParams
    if (rc["savefig.dpi"] not in ("figure", fig.dpi) or rc["savefig.bbox"] is not None
            or rc["savefig.transparent"] or rc["savefig.facecolor"] != "auto"
            or rc["savefig.edgecolor"] != "auto"):
        return None
    if type(fig.canvas) is FigureCanvasBase:  # a Figure made directly, as new_figure does
        FigureCanvasAgg(fig)  # attaches itself to the figure
    return fig.canvas if type(fig.canvas) is FigureCanvasAgg else None


def clear_axes(*axes: Axes) -> None:
    """Remove what a view drew on ``axes`` (lines, bars, texts, collections, legend), keeping the axes,
    its ticks and its figure, so an explorer can draw its next view on the same figure.

    Limits are left to the next view (explorers set them); data limits and the colour cycle restart.

    >>> fig, ax = new_figure()
    >>> _ = ax.plot([0, 1], [0, 1]); _ = ax.text(0, 0, "x"); _ = ax.legend(["a"])
    >>> clear_axes(ax)
    >>> len(ax.lines), len(ax.texts), ax.get_legend()
    (0, 0, None)
    """
    for ax in axes:
        legend = ax.get_legend()
        if legend is not None:
            legend.remove()
        for artist in [*ax.lines, *ax.patches, *ax.texts, *ax.collections, *ax.images, *ax.artists]:
            artist.remove()
        ax.containers.clear()
        ax.set_prop_cycle(None)
        ax.dataLim.set_points(Bbox.null().get_points())
        ax.ignore_existing_data_limits = True
        ax.set_autoscale_on(True)
        if ax.get_subplotspec() is not None:  # the layout starts from where a new figure's would
            ax.set_subplotspec(ax.get_subplotspec())


_HANDOUT = {"on": False}  # set in the kernel by the handout builder's set-up cell, never from outside


def set_handout_mode(on: bool) -> None:
    """Switch figures and explorers to handout mode (compact PNGs, precomputed explorer views).

    The handout builder (``helpers.build.pipeline``) runs ``plots.set_handout_mode(True)`` in the
    kernel before a notebook's first cell; nothing else calls it.

    >>> set_handout_mode(True); handout_mode()
    True
    >>> set_handout_mode(False); handout_mode()
    False
    """
    if not isinstance(on, bool):
        raise TypeError(f"set_handout_mode takes True or False, got {on!r}")
    _HANDOUT["on"] = on


def handout_mode() -> bool:
    """True while the handout builder executes a notebook (see :func:`set_handout_mode`).

    >>> handout_mode()
    False
    """
    return _HANDOUT["on"]


def mime_bundle(fig: Figure) -> tuple[dict, dict]:
    """The figure as a Jupyter display bundle: PNG data plus metadata carrying the alt text."""
    alt = alt_of(fig)
    if not alt:
        raise ValueError("the figure has no alt text; call helpers.plots.finish(...) first")
    data = {
        "image/png": base64.b64encode(png_bytes(fig, compact=handout_mode())).decode("ascii"),
        "text/plain": f"<Figure: {alt}>",
    }
    return data, {"image/png": {"alt": alt}}


def show(fig: Figure) -> None:
    """Display a finished figure with its alt text attached to the image output."""
    from IPython.display import display

    data, metadata = mime_bundle(fig)
    display(data, raw=True, metadata=metadata)
