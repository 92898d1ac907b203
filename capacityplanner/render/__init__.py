"""Drawing of map layers with their styles on any QPainter (QtGui only, no widgets).

The interactive canvas, the PNG and the PDF exports share this package; it
runs offscreen. Main entry points: :class:`~capacityplanner.render.map_model.MapModel`
(the layer registry), :func:`~capacityplanner.render.painter.render_map`,
:func:`~capacityplanner.render.image.render_image`, the styles in
:mod:`~capacityplanner.render.style` and the legend, scale bar and north arrow
helpers.
"""

from capacityplanner.render._qt_compat import guard_none_refcount

guard_none_refcount()
