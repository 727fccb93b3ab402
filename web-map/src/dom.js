// Builds DOM nodes without innerHTML. Text, including anything that came from the data or the
// server, only ever enters through text nodes, so `<img onerror=…>` in a property stays text.

export function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'className') node.className = value;
    else if (name === 'text') node.textContent = value;
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else if (name === 'style') Object.assign(node.style, value);
    else if (name.startsWith('on')) node.addEventListener(name.slice(2).toLowerCase(), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of [].concat(children)) {
    if (child !== undefined && child !== null && child !== false) node.append(child);
  }
  return node;
}

// Replaces all children; strings become text nodes (Node.replaceChildren never parses HTML).
export function fill(node, children) {
  node.replaceChildren(...[].concat(children).filter((c) => c !== undefined && c !== null && c !== false));
  return node;
}
