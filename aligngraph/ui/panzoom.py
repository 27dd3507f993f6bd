"""Show a server-rendered SVG with pan and zoom, in an iframe.

``st.html`` strips SVG, so the picture goes into an iframe (``st.iframe``, which replaces
``streamlit.components.v1.html``). Every user string in the SVG was escaped by aligngraph
and Graphviz, and the page's only script is the one below. The
pan and zoom script is a few lines of our own: the page must work offline, so nothing is
loaded from a CDN. Wheel to zoom at the pointer, drag to pan, double-click to fit.
"""

from __future__ import annotations

_PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
html,body{{margin:0;height:100%;background:{background};overflow:hidden;font-family:sans-serif}}
#stage{{width:100%;height:100%;cursor:grab}} #stage svg{{width:100%;height:100%}}
#hint{{position:absolute;right:8px;bottom:6px;font-size:12px;color:#888}}
</style></head><body><div id="stage">{svg}</div>
<div id="hint">scroll to zoom · drag to pan · double-click to fit</div>
<script>
const svg=document.querySelector('#stage svg');
svg.removeAttribute('width');svg.removeAttribute('height');
const home=svg.getAttribute('viewBox').split(/[ ,]+/).map(Number);
let box=home.slice(), drag=null;
const show=()=>svg.setAttribute('viewBox',box.join(' '));
svg.addEventListener('wheel',e=>{{e.preventDefault();
  const r=svg.getBoundingClientRect(), k=e.deltaY>0?1.15:1/1.15;
  const px=box[0]+box[2]*(e.clientX-r.left)/r.width, py=box[1]+box[3]*(e.clientY-r.top)/r.height;
  box=[px-(px-box[0])*k, py-(py-box[1])*k, box[2]*k, box[3]*k]; show();}},{{passive:false}});
svg.addEventListener('mousedown',e=>{{drag=[e.clientX,e.clientY];svg.style.cursor='grabbing'}});
window.addEventListener('mouseup',()=>{{drag=null;svg.style.cursor='grab'}});
window.addEventListener('mousemove',e=>{{if(!drag)return;const r=svg.getBoundingClientRect();
  box[0]-=(e.clientX-drag[0])*box[2]/r.width; box[1]-=(e.clientY-drag[1])*box[3]/r.height;
  drag=[e.clientX,e.clientY]; show();}});
svg.addEventListener('dblclick',()=>{{box=home.slice();show()}});
</script></body></html>"""


def pan_zoom_page(svg: str, background: str = "#FFFFFF") -> str:
    """An HTML page showing ``svg`` with pan and zoom.

    The SVG comes from Graphviz with every user string escaped, so it is embedded as is.
    """
    start = svg.find("<svg")
    return _PAGE.format(svg=svg[start:] if start >= 0 else svg, background=background)
