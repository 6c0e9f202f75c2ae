import { parse } from '@babel/parser';
import type { Expression, Node, ObjectExpression, Program } from '@babel/types';

/**
 * Reads a Nextra `_meta.js|jsx|ts|tsx|mjs` module STATICALLY: the default export's object literal
 * is parsed, never run (a notes folder is not trusted code). Constants declared in the same file,
 * spreads, `as const`/`satisfies` and JSX titles (their text) are understood; anything else
 * (imports, calls) becomes a warning and that entry's value is left out.
 */
export interface ModuleReadResult {
  value: unknown;
  warnings: { line: number; message: string }[];
}

const unreadable = Symbol('unreadable');

export function readMetaModule(source: string, fileName: string): ModuleReadResult {
  const warnings: ModuleReadResult['warnings'] = [];
  let program: Program;
  try {
    program = parse(source, {
      sourceType: 'module',
      plugins: /\.tsx?$/i.test(fileName) ? ['typescript', 'jsx'] : ['jsx'],
      errorRecovery: false,
    }).program;
  } catch (error) {
    const err = error as { loc?: { line: number }; message: string };
    return {
      value: undefined,
      warnings: [
        {
          line: err.loc?.line ?? 1,
          message: `cannot parse ${fileName}: ${err.message.replace(/\s*\(\d+:\d+\)$/, '')}`,
        },
      ],
    };
  }

  const constants = new Map<string, Expression>();
  let exported: Node | undefined;
  for (const statement of program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (declaration?.type === 'VariableDeclaration') {
      for (const d of declaration.declarations) {
        if (d.id.type === 'Identifier' && d.init) constants.set(d.id.name, d.init);
      }
    }
    if (statement.type === 'ExportDefaultDeclaration') exported = statement.declaration;
  }
  if (!exported)
    return { value: undefined, warnings: [{ line: 1, message: `${fileName} has no default export; ignored` }] };

  const seen = new Set<string>();
  const evaluate = (node: Node, depth: number): unknown => {
    if (depth > 50) return unreadable;
    switch (node.type) {
      case 'StringLiteral':
      case 'NumericLiteral':
      case 'BooleanLiteral':
        return node.value;
      case 'NullLiteral':
        return null;
      case 'TemplateLiteral':
        if (node.expressions.length === 0) return node.quasis.map((q) => q.value.cooked ?? q.value.raw).join('');
        break;
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'ParenthesizedExpression':
        return evaluate(node.expression, depth + 1);
      case 'Identifier': {
        const init = constants.get(node.name);
        if (init && !seen.has(node.name)) {
          seen.add(node.name);
          const value = evaluate(init, depth + 1);
          seen.delete(node.name);
          return value;
        }
        break;
      }
      case 'ObjectExpression':
        return evaluateObject(node, depth);
      case 'ArrayExpression':
        return node.elements
          .map((e) => (e && e.type !== 'SpreadElement' ? evaluate(e, depth + 1) : unreadable))
          .filter((v) => v !== unreadable);
      case 'JSXElement':
      case 'JSXFragment':
        return jsxText(node).replace(/\s+/g, ' ').trim();
      case 'CallExpression':
        // Nextra's helper only types its argument: defineMeta({...}) reads as the object.
        if (node.arguments.length === 1 && node.arguments[0]!.type === 'ObjectExpression')
          return evaluate(node.arguments[0]!, depth + 1);
        break;
    }
    warnings.push({
      line: node.loc?.start.line ?? 1,
      message: `${fileName}: value at line ${node.loc?.start.line ?? 1} is not a literal; ignored (it is never run)`,
    });
    return unreadable;
  };

  const evaluateObject = (node: ObjectExpression, depth: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const property of node.properties) {
      if (property.type === 'SpreadElement') {
        const spread = evaluate(property.argument, depth + 1);
        if (spread && typeof spread === 'object' && !Array.isArray(spread)) Object.assign(out, spread);
        continue;
      }
      if (property.type !== 'ObjectProperty' || property.computed) {
        warnings.push({
          line: property.loc?.start.line ?? 1,
          message: `${fileName}: entry at line ${property.loc?.start.line ?? 1} is not a plain key; ignored`,
        });
        continue;
      }
      const key =
        property.key.type === 'Identifier'
          ? property.key.name
          : property.key.type === 'StringLiteral' || property.key.type === 'NumericLiteral'
            ? String(property.key.value)
            : undefined;
      if (key === undefined) continue;
      const value = evaluate(property.value, depth + 1);
      if (value !== unreadable) out[key] = value;
    }
    return out;
  };

  const value = evaluate(exported, 0);
  return { value: value === unreadable ? undefined : value, warnings };
}

/** The text a JSX title shows: its string children, HTML entities such as &nbsp; as spaces. */
function jsxText(node: Node): string {
  switch (node.type) {
    case 'JSXText':
      return node.value.replace(/&nbsp;|&thinsp;|&ensp;|&emsp;/g, ' ').replace(/&amp;/g, '&');
    case 'JSXExpressionContainer':
      return node.expression.type === 'StringLiteral' ? node.expression.value : '';
    case 'JSXElement':
    case 'JSXFragment':
      return node.children.map(jsxText).join('');
    default:
      return '';
  }
}
