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

// A form's text as the service should get it: only blanks is nothing (null), anything else exactly as
// typed, so a note keeps its line breaks and the service, not the form, refuses blanks around a name.
export function typedText(value) {
  return value.trim() === '' ? null : value;
}
