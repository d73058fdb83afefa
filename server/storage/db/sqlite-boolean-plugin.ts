// Lets repositories bind booleans on SQLite, whose driver accepts only numbers, strings and blobs.
import {
  OperationNodeTransformer,
  PrimitiveValueListNode,
  ValueNode,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';

const toSqlite = (value: unknown): unknown =>
  typeof value === 'boolean' ? (value ? 1 : 0) : value;

class BooleanToInteger extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    const value = toSqlite(node.value);
    if (value === node.value) return super.transformValue(node);
    return node.immediate ? ValueNode.createImmediate(value) : ValueNode.create(value);
  }

  protected override transformPrimitiveValueList(
    node: PrimitiveValueListNode,
  ): PrimitiveValueListNode {
    return node.values.some((v) => typeof v === 'boolean')
      ? PrimitiveValueListNode.create(node.values.map(toSqlite))
      : super.transformPrimitiveValueList(node);
  }
}

/**
 * Rewrites bound booleans to 1/0 so the same repository code runs on PostgreSQL and SQLite.
 * Reading is the other half: SQLite returns 0/1 and repositories map it with `toBoolean`.
 *
 * @example
 * new Kysely<Database>({ dialect, plugins: [new SqliteBooleanPlugin()] });
 */
export class SqliteBooleanPlugin implements KyselyPlugin {
  readonly #transformer = new BooleanToInteger();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node, args.queryId);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
