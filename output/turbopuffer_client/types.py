"""Types of the turbopuffer API: response models, request parameters and type aliases.

Responses are pydantic models. Request parameters are TypedDicts and plain type
aliases, checked by type checkers and sent as they are, without validation cost.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import (
    TYPE_CHECKING,
    Annotated,
    Any,
    Literal,
    NotRequired,
    Required,
    TypeAlias,
    Union,
)
from uuid import UUID

from pydantic import Field
from typing_extensions import TypeAliasType, TypedDict

from ._models import Model

__all__ = [
    "AggregateBy",
    "AggregateByCount",
    "AggregateByCountDeprecated",
    "AggregateBySum",
    "AggregationGroup",
    "Ann",
    "AnnConfig",
    "AnnConfigParam",
    "AnnParam",
    "AttributeEmbed",
    "AttributeEmbedConfig",
    "AttributeEmbedConfigParam",
    "AttributeEmbedParam",
    "AttributeSchema",
    "AttributeSchemaConfig",
    "AttributeSchemaConfigParam",
    "AttributeSchemaDropParam",
    "AttributeType",
    "Bm25ClauseParamsParam",
    "BranchFromNamespaceConfigParam",
    "BranchFromNamespaceParams",
    "ColumnsParam",
    "ContainsAllTokensFilterParamsParam",
    "ContainsAnyTokenFilterParamsParam",
    "CopyFromNamespaceConfigParam",
    "CopyFromNamespaceOperation",
    "CopyFromNamespaceOperationFinished",
    "CopyFromNamespaceOperationResult",
    "CopyFromNamespaceOperationResultError",
    "CopyFromNamespaceOperationResultSuccess",
    "CopyFromNamespaceOperationRunning",
    "CopyFromNamespaceParams",
    "CopyFromNamespaceRequestParam",
    "DecayParamsParam",
    "DeleteAllResponse",
    "DistanceMetric",
    "EmbedParamsParam",
    "Encryption",
    "EncryptionCustomerManaged",
    "EncryptionCustomerManagedParam",
    "EncryptionDefault",
    "EncryptionDefaultParam",
    "EncryptionParam",
    "ErrorResponse",
    "ExplainQueryResponse",
    "Expr",
    "ExprEmbed",
    "ExprEmbedWithParams",
    "ExprHighlight",
    "ExprHighlightWithConfig",
    "ExprRefNewParam",
    "ExprVectorDist",
    "Filter",
    "FilterAnd",
    "FilterAnyGt",
    "FilterAnyGte",
    "FilterAnyLt",
    "FilterAnyLte",
    "FilterContains",
    "FilterContainsAllTokens",
    "FilterContainsAllTokensArray",
    "FilterContainsAllTokensArrayWithParams",
    "FilterContainsAllTokensWithParams",
    "FilterContainsAny",
    "FilterContainsAnyToken",
    "FilterContainsAnyTokenArray",
    "FilterContainsAnyTokenArrayWithParams",
    "FilterContainsAnyTokenWithParams",
    "FilterContainsTokenSequence",
    "FilterContainsTokenSequenceArray",
    "FilterEq",
    "FilterFuzzy",
    "FilterGlob",
    "FilterGt",
    "FilterGte",
    "FilterIGlob",
    "FilterIn",
    "FilterLt",
    "FilterLte",
    "FilterNot",
    "FilterNotContains",
    "FilterNotContainsAny",
    "FilterNotEq",
    "FilterNotGlob",
    "FilterNotIGlob",
    "FilterNotIn",
    "FilterOr",
    "FilterRegex",
    "FullTextSearch",
    "FullTextSearchConfig",
    "FullTextSearchConfigParam",
    "FullTextSearchParam",
    "FuzzyMaxEditDistanceParam",
    "FuzzyParamsParam",
    "GroupBy",
    "GroupByFunction",
    "GroupByFunctionForEachUnique",
    "HighlightConfigParamsParam",
    "HighlightFragmentBy",
    "HighlightMatch",
    "HighlightOffsetUnits",
    "HintCacheWarmResponse",
    "Id",
    "IncludeAttributes",
    "Language",
    "LimitParam",
    "LimitPerParam",
    "MultiQueryResult",
    "NamespaceMetadata",
    "NamespaceMetadataIndexUpToDate",
    "NamespaceMetadataIndexUpdating",
    "NamespaceMetadataPatchParam",
    "NamespaceSummary",
    "NamespacesResponse",
    "OperationError",
    "PatchByFilterParam",
    "PinningConfigParam",
    "PinningConfigResponse",
    "PinningStatus",
    "QueryBilling",
    "QueryConfig",
    "QueryConfigConsistency",
    "QueryConfigConsistencyParam",
    "QueryParam",
    "QueryPerformance",
    "QueryResult",
    "RankBy",
    "RankByAnn",
    "RankByAnnExpr",
    "RankByAnnMulti",
    "RankByAttribute",
    "RankByAttributeOrder",
    "RankByAttributes",
    "RankByKnn",
    "RankByKnnExpr",
    "RankByKnnMulti",
    "RankBySparseKnn",
    "RankByText",
    "RankByTextAttribute",
    "RankByTextBM25",
    "RankByTextBM25Array",
    "RankByTextBM25ArrayWithParams",
    "RankByTextBM25WithParams",
    "RankByTextDecay",
    "RankByTextDist",
    "RankByTextMax",
    "RankByTextProduct",
    "RankByTextSaturate",
    "RankByTextSum",
    "RecallResponse",
    "RecallResponseGroundTruthItem",
    "RerankBy",
    "RerankByRRF",
    "RerankByRrfWithParams",
    "RerankLimitParam",
    "Row",
    "RowParam",
    "RrfParamsParam",
    "SaturateParamsParam",
    "ShardingConfig",
    "ShardingConfigParam",
    "SingleQueryResult",
    "SparseDistanceMetric",
    "SparseKnn",
    "SparseKnnParam",
    "StartCopyFromResponse",
    "Tokenizer",
    "Vector",
    "VectorEncoding",
    "WriteBilling",
    "WriteParam",
    "WritePerformance",
    "WriteResult",
]


class NamespaceSummary(Model):
    """A summary of a namespace."""

    id: str
    """The namespace ID."""


class NamespaceMetadataIndexUpToDate(Model):
    status: Literal["up-to-date"]


class NamespaceMetadataIndexUpdating(Model):
    status: Literal["updating"]
    unindexed_bytes: int
    """
    The number of bytes in the namespace that are in the write-ahead log but have not
    yet been indexed.
    """
    unindexed_rows: int
    """The number of rows in the write-ahead log that have not yet been indexed."""


class NamespaceMetadata(Model):
    """Metadata about a namespace."""

    schema_: dict[str, AttributeSchemaConfig] = Field(alias="schema")
    """The schema of the namespace."""
    approx_row_count: int
    """The approximate number of rows in the namespace."""
    approx_logical_bytes: int
    """The approximate number of logical bytes in the namespace."""
    created_at: datetime.datetime
    """The timestamp when the namespace was created."""
    updated_at: datetime.datetime
    """The timestamp when the namespace was last modified by a write operation."""
    encryption: Encryption
    """The encryption configuration for a namespace."""
    index: Annotated[
        NamespaceMetadataIndexUpToDate | NamespaceMetadataIndexUpdating,
        Field(discriminator="status"),
    ]
    pinning: PinningConfigResponse | None = None
    """
    Configuration for namespace pinning, along with the current status of the pinned
    namespace.
    """
    sharding: ShardingConfig | None = None
    """
    Configuration for namespace sharding, which partitions a namespace's documents
    across multiple internal shards to scale indexing and query throughput beyond a
    single machine. Sharding can only be configured on a namespace's inaugural write,
    and cannot be added to or changed on an existing namespace.
    """
    read_only: bool | None = None
    """Whether document and schema writes are rejected. Omitted when `false`."""


class NamespaceMetadataPatchParam(TypedDict, total=False):
    """Request to update namespace metadata configuration."""

    pinning: NotRequired[bool | PinningConfigParam | None]
    """
    Configuration for namespace pinning.
    - Missing field: no change to pinning configuration
    - `null` or `false`: explicitly remove pinning
    - `true`: enable pinning with default configuration
    - Object: set pinning configuration
    """
    read_only: NotRequired[bool]
    """
    Set to `true` to reject document and schema writes, or `false` to allow them. Writes
    already in progress may still commit. Metadata updates remain available.
    """


class WriteParam(TypedDict, total=False):
    """Create, update, or delete documents."""

    upsert_columns: NotRequired[ColumnsParam]
    """
    A list of documents in columnar format. Each key is a column name, mapped to an
    array of values for that column.
    """
    upsert_rows: NotRequired[Sequence[RowParam]]
    patch_columns: NotRequired[ColumnsParam]
    """
    A list of documents in columnar format. Each key is a column name, mapped to an
    array of values for that column.
    """
    patch_rows: NotRequired[Sequence[RowParam]]
    deletes: NotRequired[Sequence[Id]]
    upsert_condition: NotRequired[Filter]
    """
    A condition evaluated against the current value of each document targeted by an
    upsert write. Only documents that pass the condition are upserted.
    """
    patch_condition: NotRequired[Filter]
    """
    A condition evaluated against the current value of each document targeted by a patch
    write. Only documents that pass the condition are patched.
    """
    delete_condition: NotRequired[Filter]
    """
    A condition evaluated against the current value of each document targeted by a
    delete write. Only documents that pass the condition are deleted.
    """
    distance_metric: NotRequired[DistanceMetric]
    """A function used to calculate vector similarity."""
    schema: NotRequired[Mapping[str, AttributeSchema]]
    """The schema of the attributes attached to the documents."""
    branch_from_namespace: NotRequired[BranchFromNamespaceParams]
    copy_from_namespace: NotRequired[CopyFromNamespaceParams]
    delete_by_filter: NotRequired[Filter]
    """The filter specifying which documents to delete."""
    delete_by_filter_allow_partial: NotRequired[bool]
    """Allow partial completion when filter matches too many documents."""
    patch_by_filter: NotRequired[PatchByFilterParam]
    """The patch and filter specifying which documents to patch."""
    patch_by_filter_allow_partial: NotRequired[bool]
    """Allow partial completion when filter matches too many documents."""
    return_affected_ids: NotRequired[bool]
    """
    If true, return the IDs of affected rows (deleted, patched, upserted) in the
    response. For filtered and conditional writes, only IDs for writes that succeeded
    will be included.
    """
    encryption: NotRequired[EncryptionParam]
    """The encryption configuration for a namespace."""
    sharding: NotRequired[ShardingConfigParam]
    """
    Configuration for namespace sharding, which partitions a namespace's documents
    across multiple internal shards to scale indexing and query throughput beyond a
    single machine. Sharding can only be configured on a namespace's inaugural write,
    and cannot be added to or changed on an existing namespace.
    """
    disable_backpressure: NotRequired[bool]
    """Disables write throttling (HTTP 429 responses) during high-volume ingestion."""
    create_namespace: NotRequired[bool]
    """
    If `true`, ensures the namespace is created, even if the request writes no
    documents. Creating an empty namespace requires the `id` type to be declared in
    `schema`. If `false`, a namespace is never created, and a 404 is returned if it does
    not exist. If omitted, a namespace is created by the first request that writes
    documents.
    """


class PatchByFilterParam(TypedDict, total=False):
    """The patch and filter specifying which documents to patch."""

    patch: Required[Mapping[str, Any]]
    filters: Required[Filter]
    """Filter by attributes. Same syntax as the query endpoint."""


class WriteBilling(Model):
    """The billing information for a write request."""

    billable_logical_bytes_written: int
    """The number of billable logical bytes written to the namespace."""
    query: QueryBilling | None = None
    """The billing information for a query."""


class WritePerformance(Model):
    """The performance information for a write request."""

    server_total_ms: int
    """Request time measured on the server, in milliseconds."""
    embedding_tokens: int | None = None
    """The number of tokens embedded. Only set when using a native embedding model."""
    embedding_ms: int | None = None
    """
    Time spent embedding text, in milliseconds. Only set when using a native embedding
    model.
    """


class WriteResult(Model):
    """The response to a successful write request."""

    status: Literal["OK"]
    """The status of the request."""
    message: str
    """A message describing the result of the write request."""
    rows_affected: int
    """The number of rows affected by the write request."""
    rows_upserted: int | None = None
    """The number of rows upserted by the write request."""
    rows_patched: int | None = None
    """The number of rows patched by the write request."""
    rows_deleted: int | None = None
    """The number of rows deleted by the write request."""
    rows_remaining: bool | None = None
    """Whether more documents match the filter for partial operations."""
    upserted_ids: list[Id] | None = None
    """
    The IDs of documents that were upserted. Only included when `return_affected_ids` is
    true and at least one document was upserted.
    """
    patched_ids: list[Id] | None = None
    """
    The IDs of documents that were patched. Only included when `return_affected_ids` is
    true and at least one document was patched.
    """
    deleted_ids: list[Id] | None = None
    """
    The IDs of documents that were deleted. Only included when `return_affected_ids` is
    true and at least one document was deleted.
    """
    billing: WriteBilling
    """The billing information for a write request."""
    performance: WritePerformance | None = None
    """The performance information for a write request."""


class QueryParam(TypedDict, total=False):
    """Query, filter, full-text search and vector search documents."""

    rank_by: NotRequired[RankBy]
    """How to rank the documents in the namespace."""
    top_k: NotRequired[int]
    """The number of results to return."""
    offset: NotRequired[int]
    """
    Number of documents to skip before returning results. Supported only in v2 queries
    with an explicit `rank_by` and `top_k` or `limit`.
    """
    filters: NotRequired[Filter]
    """
    Exact filters for attributes to refine search results for. Think of it as a SQL
    WHERE clause.
    """
    include_attributes: NotRequired[IncludeAttributes]
    """Whether to include attributes in the response."""
    exclude_attributes: NotRequired[Sequence[str]]
    """
    List of attribute names to exclude from the response. All other attributes will be
    included in the response.
    """
    aggregate_by: NotRequired[Mapping[str, AggregateBy]]
    """
    Aggregations to compute over all documents in the namespace that match the filters.
    """
    group_by: NotRequired[Sequence[GroupBy]]
    """
    Groups documents by the specified attributes (the "group key") before computing
    aggregates. Aggregates are computed separately for each group.
    """
    compute_attributes: NotRequired[Mapping[str, Expr]]
    """
    Computes additional values on documents returned by a query. Each key is the name of
    the computed attribute; each value is an expression describing how to compute it.
    """
    distance_metric: NotRequired[DistanceMetric]
    """A function used to calculate vector similarity."""
    limit: NotRequired[int | LimitParam]


class QueryConfigConsistency(Model):
    """The consistency level for a query."""

    level: Literal["strong", "eventual"] | None = None
    """The query's consistency level."""


class QueryConfigConsistencyParam(TypedDict, total=False):
    """The consistency level for a query."""

    level: NotRequired[Literal["strong", "eventual"]]
    """The query's consistency level."""


class QueryConfig(Model):
    """Configuration options for a query."""

    vector_encoding: VectorEncoding | None = None
    """The encoding to use for vectors in the response."""
    consistency: QueryConfigConsistency | None = None
    """The consistency level for a query."""


class RerankLimitParam(TypedDict, total=False):
    """Limits the total number of reranked documents returned."""

    total: Required[int]
    """Limits the total number of documents returned after reranking."""


class QueryBilling(Model):
    """The billing information for a query."""

    billable_logical_bytes_queried: int
    """The number of billable logical bytes queried from the namespace."""
    billable_logical_bytes_returned: int
    """The number of billable logical bytes returned from the query."""


class QueryPerformance(Model):
    """The performance information for a query."""

    cache_hit_ratio: float
    """The ratio of cache hits to total cache lookups."""
    cache_temperature: str
    """A qualitative description of the cache hit ratio (`hot`, `warm`, or `cold`)."""
    server_total_ms: int
    """
    Request time measured on the server, including time spent waiting for other queries
    to complete if the namespace was at its concurrency limit.
    """
    query_execution_ms: int
    """
    Request time measured on the server, excluding time spent waiting due to the
    namespace concurrency limit.
    """
    exhaustive_search_count: int
    """The number of unindexed documents processed by the query."""
    approx_namespace_size: int
    """the approximate number of documents in the namespace."""
    embedding_tokens: int | None = None
    """The number of tokens embedded. Only set when using a native embedding model."""
    embedding_ms: int | None = None
    """
    Time spent embedding text, in milliseconds. Only set when using a native embedding
    model.
    """


class QueryResult(Model):
    """The result of a query."""

    aggregations: dict[str, Any] | None = None
    aggregation_groups: list[AggregationGroup] | None = None
    rows: list[Row] | None = None
    performance: QueryPerformance
    """The performance information for a query."""
    billing: QueryBilling
    """The billing information for a query."""


class MultiQueryResult(Model):
    """The result of a multi-query."""

    results: list[SingleQueryResult]
    performance: QueryPerformance
    """The performance information for a query."""
    billing: QueryBilling
    """The billing information for a query."""


class SingleQueryResult(Model):
    aggregations: dict[str, Any] | None = None
    aggregation_groups: list[AggregationGroup] | None = None
    rows: list[Row] | None = None


class Row(Model):
    """A single document, in a row-based format."""

    id: Id
    """An identifier for a document."""
    vector: Vector | None = None
    """A vector embedding associated with a document."""


class LimitPerParam(TypedDict, total=False):
    """
    Limits the number of documents with the same value for a set of attributes (the
    "limit key") that can appear in the results.
    """

    attributes: Required[Sequence[str]]
    """The attributes to include in the limit key."""
    limit: Required[int]
    """The maximum number of documents to return for each value of the limit key."""


class LimitParam(TypedDict, total=False):
    """Limits the documents returned by a query."""

    total: Required[int]
    """Limits the total number of documents returned."""
    per: NotRequired[LimitPerParam]
    """
    Limits the number of documents with the same value for a set of attributes (the
    "limit key") that can appear in the results.
    """


class AttributeSchemaDropParam(TypedDict, total=False):
    """
    Drops the attribute from the namespace. Cannot be combined with other schema
    settings.
    """

    drop: Required[bool]
    """Must be `true`."""


class AttributeSchemaConfig(Model):
    """Detailed configuration for an attribute attached to a document."""

    type: AttributeType
    """
    The data type of the attribute. Valid values: string, int, uint, float, uuid,
    datetime, bool, []string, []int, []uint, []float, []uuid, []datetime, []bool,
    [DIMS]f16, [DIMS]f32, {}f16.
    """
    filterable: bool | None = None
    """Whether or not the attributes can be used in filters."""
    regex: bool | None = None
    """Whether to enable Regex filters on this attribute."""
    glob: bool | None = None
    """Whether to enable Glob filters on this attribute."""
    fuzzy: bool | None = None
    """Whether to enable Fuzzy filters on this attribute."""
    full_text_search: FullTextSearch | None = None
    """
    Whether this attribute can be used as part of a BM25 full-text search. Requires the
    `string` or `[]string` type, and by default, BM25-enabled attributes are not
    filterable. You can override this by setting `filterable: true`.
    """
    ann: Ann | None = None
    """
    Whether to create an approximate nearest neighbor index for the attribute. Can be a
    boolean or a detailed configuration object.
    """
    sparse_knn: SparseKnn | None = None
    """
    Whether to create a sparse kNN index for the attribute. Requires the `{}f16` type.
    """
    embed: AttributeEmbed | None = None
    """
    Whether to automatically embed this string attribute into a vector attribute. Can be
    a model name, a detailed configuration object, or `null` to remove an existing
    embedding configuration.
    """


class AttributeSchemaConfigParam(TypedDict, total=False):
    """Detailed configuration for an attribute attached to a document."""

    type: Required[AttributeType]
    """
    The data type of the attribute. Valid values: string, int, uint, float, uuid,
    datetime, bool, []string, []int, []uint, []float, []uuid, []datetime, []bool,
    [DIMS]f16, [DIMS]f32, {}f16.
    """
    filterable: NotRequired[bool]
    """Whether or not the attributes can be used in filters."""
    regex: NotRequired[bool]
    """Whether to enable Regex filters on this attribute."""
    glob: NotRequired[bool]
    """Whether to enable Glob filters on this attribute."""
    fuzzy: NotRequired[bool]
    """Whether to enable Fuzzy filters on this attribute."""
    full_text_search: NotRequired[FullTextSearchParam]
    """
    Whether this attribute can be used as part of a BM25 full-text search. Requires the
    `string` or `[]string` type, and by default, BM25-enabled attributes are not
    filterable. You can override this by setting `filterable: true`.
    """
    ann: NotRequired[AnnParam]
    """
    Whether to create an approximate nearest neighbor index for the attribute. Can be a
    boolean or a detailed configuration object.
    """
    sparse_knn: NotRequired[SparseKnnParam]
    """
    Whether to create a sparse kNN index for the attribute. Requires the `{}f16` type.
    """
    embed: NotRequired[AttributeEmbedParam]
    """
    Whether to automatically embed this string attribute into a vector attribute. Can be
    a model name, a detailed configuration object, or `null` to remove an existing
    embedding configuration.
    """


class CopyFromNamespaceOperationRunning(Model):
    status: Literal["running"]
    start_time: datetime.datetime
    """The time at which the operation started."""
    progress: str | None = None
    """
    A freeform description of the operation's progress. May be absent, and its format
    may change.
    """


class CopyFromNamespaceOperationFinished(Model):
    status: Literal["finished"]
    start_time: datetime.datetime
    """The time at which the operation started."""
    finish_time: datetime.datetime
    """The time at which the operation finished."""
    result: CopyFromNamespaceOperationResult


class CopyFromNamespaceOperationResultSuccess(Model):
    success: WriteResult


class CopyFromNamespaceOperationResultError(Model):
    error: OperationError


class OperationError(Model):
    status_code: int
    """The HTTP status code of the operation's error."""
    detail: ErrorResponse
    """The response to an unsuccessful request."""


class CopyFromNamespaceRequestParam(TypedDict, total=False):
    source_namespace: Required[str]
    """The namespace to copy documents from."""
    source_api_key: NotRequired[str]
    """(Optional) An API key for the organization containing the source namespace"""
    source_region: NotRequired[str]
    """(Optional) The region of the source namespace."""
    dest_encryption: NotRequired[EncryptionParam]
    """(Optional) The encryption configuration for the destination namespace."""


class CopyFromNamespaceConfigParam(TypedDict, total=False):
    source_namespace: Required[str]
    """The namespace to copy documents from."""
    source_api_key: NotRequired[str]
    """(Optional) An API key for the organization containing the source namespace"""
    source_region: NotRequired[str]
    """(Optional) The region of the source namespace."""


class FullTextSearchConfig(Model):
    """Configuration options for full-text search."""

    k1: float | None = None
    """The `k1` term saturation parameter for BM25. Defaults to `1.2`."""
    b: float | None = None
    """The `b` document length normalization parameter for BM25. Defaults to `0.75`."""
    language: Language | None = None
    """Describes the language of a text attribute. Defaults to `english`."""
    stemming: bool | None = None
    """
    Language-specific stemming for the text. Defaults to `false` (i.e., do not stem).
    """
    remove_stopwords: bool | None = None
    """
    Removes common words from the text based on language. Defaults to `true` (i.e.
    remove common words).
    """
    ascii_folding: bool | None = None
    """
    Whether to convert each non-ASCII character in a token to its ASCII equivalent, if
    one exists (e.g., à -> a). Defaults to `false` (i.e., no folding).
    """
    case_sensitive: bool | None = None
    """
    Whether searching is case-sensitive. Defaults to `false` (i.e. case-insensitive).
    """
    max_token_length: int | None = None
    """
    Maximum length of a token in bytes. Tokens larger than this value during
    tokenization will be filtered out. Has to be between `1` and `254` (inclusive).
    Defaults to `39`.
    """
    tokenizer: Tokenizer | None = None
    """
    The tokenizer to use for full-text search on an attribute. Defaults to `word_v4`.
    """


class FullTextSearchConfigParam(TypedDict, total=False):
    """Configuration options for full-text search."""

    k1: NotRequired[float]
    """The `k1` term saturation parameter for BM25. Defaults to `1.2`."""
    b: NotRequired[float]
    """The `b` document length normalization parameter for BM25. Defaults to `0.75`."""
    language: NotRequired[Language]
    """Describes the language of a text attribute. Defaults to `english`."""
    stemming: NotRequired[bool]
    """
    Language-specific stemming for the text. Defaults to `false` (i.e., do not stem).
    """
    remove_stopwords: NotRequired[bool]
    """
    Removes common words from the text based on language. Defaults to `true` (i.e.
    remove common words).
    """
    ascii_folding: NotRequired[bool]
    """
    Whether to convert each non-ASCII character in a token to its ASCII equivalent, if
    one exists (e.g., à -> a). Defaults to `false` (i.e., no folding).
    """
    case_sensitive: NotRequired[bool]
    """
    Whether searching is case-sensitive. Defaults to `false` (i.e. case-insensitive).
    """
    max_token_length: NotRequired[int]
    """
    Maximum length of a token in bytes. Tokens larger than this value during
    tokenization will be filtered out. Has to be between `1` and `254` (inclusive).
    Defaults to `39`.
    """
    tokenizer: NotRequired[Tokenizer]
    """
    The tokenizer to use for full-text search on an attribute. Defaults to `word_v4`.
    """


class AnnConfig(Model):
    """Configuration options for ANN (Approximate Nearest Neighbor) indexing."""

    distance_metric: DistanceMetric | None = None
    """A function used to calculate vector similarity."""
    late_interaction: bool | None = None
    """
    Opt in to late-interaction (MUVERA) indexing. Only valid on fixed-dim `[][N]f32`
    vector array attributes, and is required to enable an ANN index on such attributes.
    Defaults to `false`.
    """


class AnnConfigParam(TypedDict, total=False):
    """Configuration options for ANN (Approximate Nearest Neighbor) indexing."""

    distance_metric: NotRequired[DistanceMetric]
    """A function used to calculate vector similarity."""
    late_interaction: NotRequired[bool]
    """
    Opt in to late-interaction (MUVERA) indexing. Only valid on fixed-dim `[][N]f32`
    vector array attributes, and is required to enable an ANN index on such attributes.
    Defaults to `false`.
    """


class AttributeEmbedConfig(Model):
    """Configuration options for automatic embedding."""

    attribute: str | None = None
    """
    The name of an existing vector attribute to store embeddings in. If omitted,
    turbopuffer will generate a computed vector attribute named `$embed_<attribute>`.
    """
    model: str
    """
    The model to use for embedding. See our documentation for a list of models supported
    in each region.
    """
    dims: int | None = None
    """
    The dimensionality to embed at. If not set, will pick the default for this model. If
    you're storing embeddings in an existing attribute, this can be omitted, and may not
    be set to a value other than the dimensions of that attribute.
    """


class AttributeEmbedConfigParam(TypedDict, total=False):
    """Configuration options for automatic embedding."""

    attribute: NotRequired[str]
    """
    The name of an existing vector attribute to store embeddings in. If omitted,
    turbopuffer will generate a computed vector attribute named `$embed_<attribute>`.
    """
    model: Required[str]
    """
    The model to use for embedding. See our documentation for a list of models supported
    in each region.
    """
    dims: NotRequired[int]
    """
    The dimensionality to embed at. If not set, will pick the default for this model. If
    you're storing embeddings in an existing attribute, this can be omitted, and may not
    be set to a value other than the dimensions of that attribute.
    """


class SparseKnn(Model):
    """
    Whether to create a sparse kNN index for the attribute. Requires the `{}f16` type.
    """

    distance_metric: SparseDistanceMetric
    """A function used to calculate sparse vector similarity."""


class SparseKnnParam(TypedDict, total=False):
    """
    Whether to create a sparse kNN index for the attribute. Requires the `{}f16` type.
    """

    distance_metric: Required[SparseDistanceMetric]
    """A function used to calculate sparse vector similarity."""


class EncryptionCustomerManaged(Model):
    """Encrypt the namespace with a customer-managed encryption key (CMEK)."""

    mode: Literal["customer-managed"]
    key_name: str
    """
    The identifier of the CMEK key to use for encryption. For GCP, the fully-qualified
    resource name of the key. For AWS, the ARN of the key.
    """


class EncryptionCustomerManagedParam(TypedDict, total=False):
    """Encrypt the namespace with a customer-managed encryption key (CMEK)."""

    mode: Required[Literal["customer-managed"]]
    key_name: Required[str]
    """
    The identifier of the CMEK key to use for encryption. For GCP, the fully-qualified
    resource name of the key. For AWS, the ARN of the key.
    """


class EncryptionDefault(Model):
    """Use the default server-side encryption (SSE)."""

    mode: Literal["default"]


class EncryptionDefaultParam(TypedDict, total=False):
    """Use the default server-side encryption (SSE)."""

    mode: Required[Literal["default"]]


class PinningConfigParam(TypedDict, total=False):
    """Configuration for namespace pinning."""

    replicas: NotRequired[int]
    """The number of read replicas to provision. Defaults to 1 if not specified."""


class PinningConfigResponse(Model):
    """
    Configuration for namespace pinning, along with the current status of the pinned
    namespace.
    """

    replicas: int | None = None
    """The number of read replicas to provision. Defaults to 1 if not specified."""
    status: PinningStatus | None = None
    """Operational status for a pinned namespace."""


class PinningStatus(Model):
    """Operational status for a pinned namespace."""

    updated_at: datetime.datetime
    """The timestamp of the latest pinning status snapshot."""
    ready_replicas: int
    """The number of replicas that are warm and serving traffic."""
    replicas: int
    """
    The number of running replicas for the namespace. Replicas are billed once running,
    even before they finish warming their caches and become ready to serve traffic. This
    count is updated independently and may briefly disagree with the other status
    fields.
    """
    utilization: float
    """
    Aggregate utilization for the pinned namespace, reported as a value between 0.0 and
    1.0.
    """


class ShardingConfig(Model):
    """
    Configuration for namespace sharding, which partitions a namespace's documents
    across multiple internal shards to scale indexing and query throughput beyond a
    single machine. Sharding can only be configured on a namespace's inaugural write,
    and cannot be added to or changed on an existing namespace.
    """

    num_shards: int
    """The number of shards to partition the namespace into."""


class ShardingConfigParam(TypedDict, total=False):
    """
    Configuration for namespace sharding, which partitions a namespace's documents
    across multiple internal shards to scale indexing and query throughput beyond a
    single machine. Sharding can only be configured on a namespace's inaugural write,
    and cannot be added to or changed on an existing namespace.
    """

    num_shards: Required[int]
    """The number of shards to partition the namespace into."""


class ErrorResponse(Model):
    """The response to an unsuccessful request."""

    status: Literal["error"]
    """The status of the request."""
    error: str
    """The error message."""


class EmbedParamsParam(TypedDict, total=False):
    """Additional (optional) parameters for the Embed expression."""

    model: NotRequired[str]
    """
    The model to use for embedding, overriding the model configured for the attribute.
    """


ExprRefNewParam = TypedDict(
    "ExprRefNewParam",
    {
        "$ref_new": Required[str],
    },
    total=False,
)
"""A reference to an attribute in a new document."""


class Bm25ClauseParamsParam(TypedDict, total=False):
    """Additional (optional) parameters for a single BM25 query clause."""

    last_as_prefix: NotRequired[bool]
    """Whether to treat the last token in the query input as a literal prefix."""


class BranchFromNamespaceConfigParam(TypedDict, total=False):
    source_namespace: Required[str]
    """The namespace to create an instant, copy-on-write clone of."""


class ContainsAllTokensFilterParamsParam(TypedDict, total=False):
    """Additional (optional) parameters for the ContainsAllTokens filter."""

    last_as_prefix: NotRequired[bool]
    """Whether to treat the last token in the query input as a literal prefix."""


class ContainsAnyTokenFilterParamsParam(TypedDict, total=False):
    """Additional (optional) parameters for the ContainsAnyToken filter."""

    last_as_prefix: NotRequired[bool]
    """Whether to treat the last token in the query input as a literal prefix."""


class FuzzyMaxEditDistanceParam(TypedDict, total=False):
    """An edit distance threshold for the Fuzzy filter."""

    min_query_chars: Required[int]
    """
    Minimum number of characters in a query where this distance applies. Must be at
    least 3 · (distance + 1).
    """
    distance: Required[int]
    """The maximum edit distance to allow."""


class FuzzyParamsParam(TypedDict, total=False):
    """Additional parameters for the Fuzzy filter."""

    max_edit_distance: Required[Sequence[FuzzyMaxEditDistanceParam]]
    """
    Maximum edit distance allowed at each query length. Queries shorter than the first
    threshold return no matches.
    """
    case_sensitive: NotRequired[bool]
    """
    Whether searching with Fuzzy filter is case-sensitive. Defaults to `true` (i.e.
    case-sensitive).
    """


class SaturateParamsParam(TypedDict, total=False):
    """Additional parameters for the Saturate operator."""

    midpoint: NotRequired[Any]
    """The midpoint of the Saturate operator."""
    exponent: NotRequired[float]
    """An exponent that helps further control the shape of the Saturate function."""


class DecayParamsParam(TypedDict, total=False):
    """Additional parameters for the Decay operator."""

    midpoint: NotRequired[Any]
    """The midpoint of the Decay operator."""
    exponent: NotRequired[float]
    """An exponent that helps further control the shape of the Decay function."""


class RrfParamsParam(TypedDict, total=False):
    """Configuration options for RRF."""

    rank_constant: NotRequired[int]
    """RRF rank constant (`k`). Must be greater than zero. Defaults to `60`."""
    weights: NotRequired[Sequence[float]]
    """
    A positive weight for each subquery, in the same order as `queries`. The number of
    weights must match the number of subqueries. When omitted, every subquery has a
    weight of `1`.
    """


class HighlightConfigParamsParam(TypedDict, total=False):
    """Additional (optional) parameters for the Highlight compute expression."""

    rank_fragments_by: NotRequired[RankBy]
    """
    How to rank candidate fragments within the attribute before selecting the top
    `fragment_limit`. Defaults to the query's `rank_by`.
    """
    fragment_by: NotRequired[HighlightFragmentBy]
    """How to split a text attribute into fragments for highlighting."""
    fragment_limit: NotRequired[int]
    """The maximum number of fragments to return. Defaults to `3`."""
    include_offsets: NotRequired[HighlightOffsetUnits]
    """The units to report highlighted fragment offsets in."""


class HighlightMatch(Model):
    """
    A single matched fragment for a `Highlight` compute attribute. A `Highlight` compute
    attribute's value in the response is an array of these objects, one per matching
    fragment.
    """

    text: str
    """The text of the matched fragment."""
    fragment_range: list[int] | None = None
    """
    The `[start, end]` offset of this fragment within the original attribute value, in
    the units requested by `include_offsets`. Omitted if `include_offsets` was not set.
    """
    match_ranges: list[list[int]] | None = None
    """
    The `[start, end]` offsets of matched spans within `text`, in the units requested by
    `include_offsets`. Omitted if `include_offsets` was not set.
    """
    array_index: int | None = None
    """
    The index into the array, if the highlighted attribute is an array of strings.
    Omitted for non-array attributes.
    """


class NamespacesResponse(Model):
    namespaces: list[NamespaceSummary] | None = None
    """The list of namespaces."""
    next_cursor: str | None = None
    """The cursor to use to retrieve the next page of results."""


class HintCacheWarmResponse(Model):
    """The response to a successful cache warm request."""

    status: Literal["ACCEPTED"]
    """The status of the request."""
    message: str | None = None


class RecallResponseGroundTruthItem(Model):
    query_vector: list[float]
    """The query vector used for this search."""
    nearest_neighbors: list[Row]
    """The true nearest neighbors with their distances and vectors."""


class RecallResponse(Model):
    """The response to a successful cache warm request."""

    avg_recall: float
    """The average recall of the queries."""
    avg_exhaustive_count: float
    """The average number of documents retrieved by the exhaustive searches."""
    avg_ann_count: float
    """
    The average number of documents retrieved by the approximate nearest neighbor
    searches.
    """
    ground_truth: list[RecallResponseGroundTruthItem] | None = None
    """
    Ground truth data including query vectors and true nearest neighbors. Only included
    when include_ground_truth is true.
    """


class DeleteAllResponse(Model):
    """The response to a successful namespace deletion request."""

    status: Literal["OK"]
    """The status of the request."""


class StartCopyFromResponse(Model):
    token: str
    """The token identifying the copy operation."""


class ExplainQueryResponse(Model):
    """The response to a successful query explain."""

    plan_text: str | None = None
    """The textual representation of the query plan."""


# Type checkers read plain aliases, which they resolve recursively (`Filter` contains
# `["Not", Filter]`). At run time pydantic needs TypeAliasType for the same recursion.
if TYPE_CHECKING:
    ColumnsParam: TypeAlias = Mapping[str, Any]
    """
    A list of documents in columnar format. Each key is a column name, mapped to an
    array of values for that column.

    Known keys: `id`, `vector`; any other key is allowed too.
    """

    AggregationGroup: TypeAlias = dict[str, Any]
    """A single aggregation group."""

    RowParam: TypeAlias = Mapping[str, Any]
    """
    A single document, in a row-based format.

    Known keys: `id`, `vector`; any other key is allowed too.
    """

    Id: TypeAlias = UUID | str | int
    """An identifier for a document."""

    Vector: TypeAlias = list[float] | str
    """A vector embedding associated with a document."""

    VectorEncoding: TypeAlias = Literal["float", "base64"]
    """The encoding to use for vectors in the response."""

    DistanceMetric: TypeAlias = Literal["cosine_distance", "euclidean_squared"]
    """A function used to calculate vector similarity."""

    IncludeAttributes: TypeAlias = bool | Sequence[str]
    """Whether to include attributes in the response."""

    AttributeSchema: TypeAlias = (
        "AttributeType | AttributeSchemaConfigParam | AttributeSchemaDropParam"
    )
    """The schema for an attribute attached to a document."""

    AttributeType: TypeAlias = str
    """
    The data type of the attribute. Valid values: string, int, uint, float, uuid,
    datetime, bool, []string, []int, []uint, []float, []uuid, []datetime, []bool,
    [DIMS]f16, [DIMS]f32, {}f16.
    """

    CopyFromNamespaceOperation: TypeAlias = "Annotated[CopyFromNamespaceOperationRunning | CopyFromNamespaceOperationFinished, Field(discriminator='status')]"
    """The current status of a copy operation."""

    CopyFromNamespaceOperationResult: TypeAlias = "CopyFromNamespaceOperationResultSuccess | CopyFromNamespaceOperationResultError"

    CopyFromNamespaceParams: TypeAlias = "str | CopyFromNamespaceConfigParam"

    FullTextSearch: TypeAlias = "bool | FullTextSearchConfig"
    """
    Whether this attribute can be used as part of a BM25 full-text search. Requires the
    `string` or `[]string` type, and by default, BM25-enabled attributes are not
    filterable. You can override this by setting `filterable: true`.
    """

    FullTextSearchParam: TypeAlias = "bool | FullTextSearchConfigParam"
    """
    Whether this attribute can be used as part of a BM25 full-text search. Requires the
    `string` or `[]string` type, and by default, BM25-enabled attributes are not
    filterable. You can override this by setting `filterable: true`.
    """

    Language: TypeAlias = Literal[
        "arabic",
        "danish",
        "dutch",
        "english",
        "finnish",
        "french",
        "german",
        "greek",
        "hungarian",
        "italian",
        "norwegian",
        "portuguese",
        "romanian",
        "russian",
        "spanish",
        "swedish",
        "tamil",
        "turkish",
    ]
    """Describes the language of a text attribute. Defaults to `english`."""

    Tokenizer: TypeAlias = Literal[
        "pre_tokenized_array", "word_v0", "word_v1", "word_v2", "word_v3", "word_v4"
    ]
    """
    The tokenizer to use for full-text search on an attribute. Defaults to `word_v4`.
    """

    Ann: TypeAlias = "bool | AnnConfig"
    """
    Whether to create an approximate nearest neighbor index for the attribute. Can be a
    boolean or a detailed configuration object.
    """

    AnnParam: TypeAlias = "bool | AnnConfigParam"
    """
    Whether to create an approximate nearest neighbor index for the attribute. Can be a
    boolean or a detailed configuration object.
    """

    AttributeEmbed: TypeAlias = "str | AttributeEmbedConfig | None"
    """
    Whether to automatically embed this string attribute into a vector attribute. Can be
    a model name, a detailed configuration object, or `null` to remove an existing
    embedding configuration.
    """

    AttributeEmbedParam: TypeAlias = "str | AttributeEmbedConfigParam | None"
    """
    Whether to automatically embed this string attribute into a vector attribute. Can be
    a model name, a detailed configuration object, or `null` to remove an existing
    embedding configuration.
    """

    SparseDistanceMetric: TypeAlias = Literal["dot_product"]
    """A function used to calculate sparse vector similarity."""

    Encryption: TypeAlias = "Annotated[EncryptionCustomerManaged | EncryptionDefault, Field(discriminator='mode')]"
    """The encryption configuration for a namespace."""

    EncryptionParam: TypeAlias = (
        "EncryptionCustomerManagedParam | EncryptionDefaultParam"
    )
    """The encryption configuration for a namespace."""

    AggregateByCount: TypeAlias = tuple[Literal["Count"]]
    """Count documents."""

    AggregateBySum: TypeAlias = tuple[Literal["Sum"], str]
    """Sum the values of the given attribute."""

    AggregateByCountDeprecated: TypeAlias = tuple[Literal["Count"], str]
    """Count documents with a non-null value for the given attribute."""

    AggregateBy: TypeAlias = (
        "AggregateByCount | AggregateBySum | AggregateByCountDeprecated"
    )
    """An aggregate function to compute over all documents in the namespace."""

    GroupBy: TypeAlias = "str | Mapping[str, GroupByFunction]"
    """Specifies a value to group documents by."""

    GroupByFunctionForEachUnique: TypeAlias = tuple[Literal["ForEachUnique"], str]
    """
    Use the `ForEachUnique` operator to explode an array attribute when grouping. Each
    unique element of the array becomes a separate group.
    """

    GroupByFunction: TypeAlias = "GroupByFunctionForEachUnique"
    """A function that produces group keys."""

    ExprEmbed: TypeAlias = tuple[Literal["Embed"], str]
    """
    Embed the input text using the embedding model configured for the attribute the
    expression is evaluated against.
    """

    ExprEmbedWithParams: TypeAlias = "tuple[Literal['Embed'], str, EmbedParamsParam]"
    """
    Embed the input text using the specified embedding model, overriding the model
    configured for the attribute the expression is evaluated against.
    """

    Expr: TypeAlias = "ExprRefNewParam | ExprEmbed | ExprEmbedWithParams | ExprVectorDist | ExprHighlight | ExprHighlightWithConfig | RankBy"
    """An expression that computes a value."""

    BranchFromNamespaceParams: TypeAlias = "str | BranchFromNamespaceConfigParam"

    FilterEq: TypeAlias = tuple[str, Literal["Eq"], Any]
    """
    Exact match for attribute value. If `null`, matches documents missing the attribute.
    """

    FilterNotEq: TypeAlias = tuple[str, Literal["NotEq"], Any]
    """Inverse of `Eq`. If value is `null`, matches documents with the attribute."""

    FilterIn: TypeAlias = tuple[str, Literal["In"], Sequence[Any]]
    """Matches any attribute value contained in the provided list."""

    FilterNotIn: TypeAlias = tuple[str, Literal["NotIn"], Sequence[Any]]
    """
    Inverse of `In`, matches any attributes values not contained in the provided list.
    """

    FilterContains: TypeAlias = tuple[str, Literal["Contains"], Any]
    """Checks whether the selected array attribute contains the provided value."""

    FilterNotContains: TypeAlias = tuple[str, Literal["NotContains"], Any]
    """Inverse of Contains"""

    FilterContainsAny: TypeAlias = tuple[str, Literal["ContainsAny"], Sequence[Any]]
    """
    Checks whether the selected array attribute contains any of the values provided
    (intersection filter).
    """

    FilterNotContainsAny: TypeAlias = tuple[
        str, Literal["NotContainsAny"], Sequence[Any]
    ]
    """Inverse of ContainsAny."""

    FilterLt: TypeAlias = tuple[str, Literal["Lt"], Any]
    """
    For ints, this is a numeric less-than. For strings, lexicographic less-than. For
    datetimes, numeric less-than on millisecond representation.
    """

    FilterLte: TypeAlias = tuple[str, Literal["Lte"], Any]
    """
    For ints, this is a numeric less-than-or-equal. For strings, lexicographic less-
    than-or-equal. For datetimes, numeric less-than-or-equal on millisecond
    representation.
    """

    FilterGt: TypeAlias = tuple[str, Literal["Gt"], Any]
    """
    For ints, this is a numeric greater-than. For strings, lexicographic greater-than.
    For datetimes, numeric greater-than on millisecond representation.
    """

    FilterGte: TypeAlias = tuple[str, Literal["Gte"], Any]
    """
    For ints, this is a numeric greater-than-or-equal. For strings, lexicographic
    greater-than-or-equal. For datetimes, numeric greater-than-or-equal on millisecond
    representation.
    """

    FilterAnyLt: TypeAlias = tuple[str, Literal["AnyLt"], Any]
    """
    Checks whether any element of an array attribute is less than the provided value,
    using the same rules as `Lt`.
    """

    FilterAnyLte: TypeAlias = tuple[str, Literal["AnyLte"], Any]
    """
    Checks whether any element of an array attribute is less than or equal to the
    provided value, using the same rules as `Lte`.
    """

    FilterAnyGt: TypeAlias = tuple[str, Literal["AnyGt"], Any]
    """
    Checks whether any element of an array attribute is greater than the provided value,
    using the same rules as `Gt`.
    """

    FilterAnyGte: TypeAlias = tuple[str, Literal["AnyGte"], Any]
    """
    Checks whether any element of an array attribute is greater than or equal to the
    provided value, using the same rules as `Gte`.
    """

    FilterGlob: TypeAlias = tuple[str, Literal["Glob"], str]
    """
    Unix-style glob match against string values. The full syntax is described in the
    Rust `globset` crate documentation. Glob patterns with a concrete prefix like "foo*"
    internally compile to efficient range queries.
    """

    FilterNotGlob: TypeAlias = tuple[str, Literal["NotGlob"], str]
    """
    Inverse of `Glob`, Unix-style glob filters against string attributes values. The
    full syntax is described in the Rust `globset` crate documentation.
    """

    FilterIGlob: TypeAlias = tuple[str, Literal["IGlob"], str]
    """Case insensitive version of `Glob`."""

    FilterNotIGlob: TypeAlias = tuple[str, Literal["NotIGlob"], str]
    """Case insensitive version of `NotGlob`."""

    FilterRegex: TypeAlias = tuple[str, Literal["Regex"], str]
    """
    Regular expression match against string values. Requires the regex schema attribute
    to be enabled before use.
    """

    FilterFuzzy: TypeAlias = "tuple[str, Literal['Fuzzy'], str, FuzzyParamsParam]"
    """
    Fuzzy substring match against string values. Requires the fuzzy schema attribute to
    be enabled before use.
    """

    FilterContainsAllTokens: TypeAlias = tuple[str, Literal["ContainsAllTokens"], str]
    """
    Matches if all tokens in the input string are present in the attributes value.
    Requires that the attribute is configured for full-text search.
    """

    FilterContainsAllTokensArray: TypeAlias = tuple[
        str, Literal["ContainsAllTokens"], Sequence[str]
    ]
    """
    Matches if all tokens in the input string are present in the attributes value.
    Requires that the attribute is configured for full-text search.
    """

    FilterContainsAllTokensWithParams: TypeAlias = "tuple[str, Literal['ContainsAllTokens'], str, ContainsAllTokensFilterParamsParam]"
    """
    Matches if all tokens in the input string are present in the attributes value.
    Requires that the attribute is configured for full-text search.
    """

    FilterContainsAllTokensArrayWithParams: TypeAlias = "tuple[str, Literal['ContainsAllTokens'], Sequence[str], ContainsAllTokensFilterParamsParam]"
    """
    Matches if all tokens in the input string are present in the attributes value.
    Requires that the attribute is configured for full-text search.
    """

    FilterContainsAnyToken: TypeAlias = tuple[str, Literal["ContainsAnyToken"], str]
    """
    Matches if any of the tokens in the input string are present in the attribute value.
    Requires that the attribute is configured for full-text search.
    """

    FilterContainsAnyTokenArray: TypeAlias = tuple[
        str, Literal["ContainsAnyToken"], Sequence[str]
    ]
    """
    Matches if any of the tokens in the input string array are present in the attribute
    value. Requires that the attribute is configured for full-text search.
    """

    FilterContainsAnyTokenWithParams: TypeAlias = "tuple[str, Literal['ContainsAnyToken'], str, ContainsAnyTokenFilterParamsParam]"
    """
    Matches if any of the tokens in the input string are present in the attribute value.
    Requires that the attribute is configured for full-text search.
    """

    FilterContainsAnyTokenArrayWithParams: TypeAlias = "tuple[str, Literal['ContainsAnyToken'], Sequence[str], ContainsAnyTokenFilterParamsParam]"
    """
    Matches if any of the tokens in the input string array are present in the attribute
    value. Requires that the attribute is configured for full-text search.
    """

    FilterContainsTokenSequence: TypeAlias = tuple[
        str, Literal["ContainsTokenSequence"], str
    ]
    """
    Matches if all the tokens in the input string are present in the attribute value, in
    the correct order (i.e., as a phrase). Requires that the attribute is configured for
    full-text search.
    """

    FilterContainsTokenSequenceArray: TypeAlias = tuple[
        str, Literal["ContainsTokenSequence"], Sequence[str]
    ]
    """
    Matches if all the tokens in the input string are present in the attribute value, in
    the correct order (i.e., as a phrase). Requires that the attribute is configured for
    full-text search.
    """

    FilterNot: TypeAlias = "tuple[Literal['Not'], Filter]"

    FilterAnd: TypeAlias = "tuple[Literal['And'], Sequence[Filter]]"

    FilterOr: TypeAlias = "tuple[Literal['Or'], Sequence[Filter]]"

    Filter: TypeAlias = "FilterEq | FilterNotEq | FilterIn | FilterNotIn | FilterContains | FilterNotContains | FilterContainsAny | FilterNotContainsAny | FilterLt | FilterLte | FilterGt | FilterGte | FilterAnyLt | FilterAnyLte | FilterAnyGt | FilterAnyGte | FilterGlob | FilterNotGlob | FilterIGlob | FilterNotIGlob | FilterRegex | FilterFuzzy | FilterContainsAllTokens | FilterContainsAllTokensArray | FilterContainsAllTokensWithParams | FilterContainsAllTokensArrayWithParams | FilterContainsAnyToken | FilterContainsAnyTokenArray | FilterContainsAnyTokenWithParams | FilterContainsAnyTokenArrayWithParams | FilterContainsTokenSequence | FilterContainsTokenSequenceArray | FilterNot | FilterAnd | FilterOr"

    RankByAnn: TypeAlias = tuple[str, Literal["ANN"], Sequence[float]]

    RankByAnnMulti: TypeAlias = tuple[str, Literal["ANN"], Sequence[Sequence[float]]]

    RankByAnnExpr: TypeAlias = "tuple[str, Literal['ANN'], Expr]"

    RankByKnn: TypeAlias = tuple[str, Literal["kNN"], Sequence[float]]

    RankByKnnMulti: TypeAlias = tuple[str, Literal["kNN"], Sequence[Sequence[float]]]

    RankByKnnExpr: TypeAlias = "tuple[str, Literal['kNN'], Expr]"

    RankBySparseKnn: TypeAlias = tuple[str, Literal["SparseKNN"], Mapping[str, float]]

    RankByTextBM25: TypeAlias = tuple[str, Literal["BM25"], str]

    RankByTextBM25Array: TypeAlias = tuple[str, Literal["BM25"], Sequence[str]]

    RankByTextBM25WithParams: TypeAlias = (
        "tuple[str, Literal['BM25'], str, Bm25ClauseParamsParam]"
    )

    RankByTextBM25ArrayWithParams: TypeAlias = (
        "tuple[str, Literal['BM25'], Sequence[str], Bm25ClauseParamsParam]"
    )

    RankByTextSum: TypeAlias = "tuple[Literal['Sum'], Sequence[RankByText]]"

    RankByTextMax: TypeAlias = "tuple[Literal['Max'], Sequence[RankByText]]"

    RankByTextProduct: TypeAlias = "tuple[Literal['Product'], float, RankByText]"

    RankByTextAttribute: TypeAlias = tuple[Literal["Attribute"], str]

    RankByTextSaturate: TypeAlias = (
        "tuple[Literal['Saturate'], RankByText, SaturateParamsParam]"
    )

    RankByTextDecay: TypeAlias = "tuple[Literal['Decay'], RankByText, DecayParamsParam]"

    RankByTextDist: TypeAlias = "tuple[Literal['Dist'], RankByText, Any]"

    RankByText: TypeAlias = "RankByTextBM25 | RankByTextBM25Array | RankByTextBM25WithParams | RankByTextBM25ArrayWithParams | RankByTextSum | RankByTextMax | RankByTextProduct | Filter | RankByTextAttribute | RankByTextSaturate | RankByTextDecay | RankByTextDist"

    RankByAttributeOrder: TypeAlias = Literal["asc", "desc"]

    RankByAttribute: TypeAlias = "tuple[str, RankByAttributeOrder]"

    RankByAttributes: TypeAlias = "Sequence[RankByAttribute]"
    """
    Order by multiple attributes. Results are sorted by the first attribute, then by the
    second attribute for ties, and so on.
    """

    RankBy: TypeAlias = "RankByAnn | RankByAnnMulti | RankByAnnExpr | RankByKnn | RankByKnnMulti | RankByKnnExpr | RankBySparseKnn | RankByText | RankByAttribute | RankByAttributes"

    RerankByRRF: TypeAlias = tuple[Literal["RRF"]]
    """Rerank with RRF."""

    RerankByRrfWithParams: TypeAlias = "tuple[Literal['RRF'], RrfParamsParam]"
    """Rerank with RRF."""

    RerankBy: TypeAlias = "RerankByRRF | RerankByRrfWithParams"
    """
    Configuration for combining the rows returned by a multi-query into a single ranked
    list.
    """

    ExprVectorDist: TypeAlias = tuple[str, Literal["VectorDist"], Sequence[float]]
    """The distance between a vector attribute and a query vector."""

    ExprHighlight: TypeAlias = tuple[Literal["Highlight"], str]
    """Highlights matching fragments of a text attribute."""

    ExprHighlightWithConfig: TypeAlias = (
        "tuple[Literal['Highlight'], str, HighlightConfigParamsParam]"
    )
    """
    Highlights matching fragments of a text attribute, with additional configuration.
    """

    HighlightFragmentBy: TypeAlias = Literal["none", "sentence", "paragraph", "word"]
    """How to split a text attribute into fragments for highlighting."""

    HighlightOffsetUnits: TypeAlias = Literal["utf-8", "utf-16", "codepoints"]
    """The units to report highlighted fragment offsets in."""

else:
    ColumnsParam = TypeAliasType("ColumnsParam", Mapping[str, Any])
    AggregationGroup = TypeAliasType("AggregationGroup", dict[str, Any])
    RowParam = TypeAliasType("RowParam", Mapping[str, Any])
    Id = TypeAliasType("Id", UUID | str | int)
    Vector = TypeAliasType("Vector", list[float] | str)
    VectorEncoding = TypeAliasType("VectorEncoding", Literal["float", "base64"])
    DistanceMetric = TypeAliasType(
        "DistanceMetric", Literal["cosine_distance", "euclidean_squared"]
    )
    IncludeAttributes = TypeAliasType("IncludeAttributes", bool | Sequence[str])
    AttributeSchema = TypeAliasType(
        "AttributeSchema",
        Union[
            "AttributeType", "AttributeSchemaConfigParam", "AttributeSchemaDropParam"
        ],
    )
    AttributeType = TypeAliasType("AttributeType", str)
    CopyFromNamespaceOperation = TypeAliasType(
        "CopyFromNamespaceOperation",
        Annotated[
            Union[
                "CopyFromNamespaceOperationRunning",
                "CopyFromNamespaceOperationFinished",
            ],
            Field(discriminator="status"),
        ],
    )
    CopyFromNamespaceOperationResult = TypeAliasType(
        "CopyFromNamespaceOperationResult",
        Union[
            "CopyFromNamespaceOperationResultSuccess",
            "CopyFromNamespaceOperationResultError",
        ],
    )
    CopyFromNamespaceParams = TypeAliasType(
        "CopyFromNamespaceParams", Union[str, "CopyFromNamespaceConfigParam"]
    )
    FullTextSearch = TypeAliasType(
        "FullTextSearch", Union[bool, "FullTextSearchConfig"]
    )
    FullTextSearchParam = TypeAliasType(
        "FullTextSearchParam", Union[bool, "FullTextSearchConfigParam"]
    )
    Language = TypeAliasType(
        "Language",
        Literal[
            "arabic",
            "danish",
            "dutch",
            "english",
            "finnish",
            "french",
            "german",
            "greek",
            "hungarian",
            "italian",
            "norwegian",
            "portuguese",
            "romanian",
            "russian",
            "spanish",
            "swedish",
            "tamil",
            "turkish",
        ],
    )
    Tokenizer = TypeAliasType(
        "Tokenizer",
        Literal[
            "pre_tokenized_array", "word_v0", "word_v1", "word_v2", "word_v3", "word_v4"
        ],
    )
    Ann = TypeAliasType("Ann", Union[bool, "AnnConfig"])
    AnnParam = TypeAliasType("AnnParam", Union[bool, "AnnConfigParam"])
    AttributeEmbed = TypeAliasType(
        "AttributeEmbed", Union[str, "AttributeEmbedConfig"] | None
    )
    AttributeEmbedParam = TypeAliasType(
        "AttributeEmbedParam", Union[str, "AttributeEmbedConfigParam"] | None
    )
    SparseDistanceMetric = TypeAliasType("SparseDistanceMetric", Literal["dot_product"])
    Encryption = TypeAliasType(
        "Encryption",
        Annotated[
            Union["EncryptionCustomerManaged", "EncryptionDefault"],
            Field(discriminator="mode"),
        ],
    )
    EncryptionParam = TypeAliasType(
        "EncryptionParam",
        Union["EncryptionCustomerManagedParam", "EncryptionDefaultParam"],
    )
    AggregateByCount = TypeAliasType("AggregateByCount", tuple[Literal["Count"]])
    AggregateBySum = TypeAliasType("AggregateBySum", tuple[Literal["Sum"], str])
    AggregateByCountDeprecated = TypeAliasType(
        "AggregateByCountDeprecated", tuple[Literal["Count"], str]
    )
    AggregateBy = TypeAliasType(
        "AggregateBy",
        Union["AggregateByCount", "AggregateBySum", "AggregateByCountDeprecated"],
    )
    GroupBy = TypeAliasType("GroupBy", str | Mapping[str, "GroupByFunction"])
    GroupByFunctionForEachUnique = TypeAliasType(
        "GroupByFunctionForEachUnique", tuple[Literal["ForEachUnique"], str]
    )
    GroupByFunction = TypeAliasType("GroupByFunction", "GroupByFunctionForEachUnique")
    ExprEmbed = TypeAliasType("ExprEmbed", tuple[Literal["Embed"], str])
    ExprEmbedWithParams = TypeAliasType(
        "ExprEmbedWithParams", tuple[Literal["Embed"], str, "EmbedParamsParam"]
    )
    Expr = TypeAliasType(
        "Expr",
        Union[
            "ExprRefNewParam",
            "ExprEmbed",
            "ExprEmbedWithParams",
            "ExprVectorDist",
            "ExprHighlight",
            "ExprHighlightWithConfig",
            "RankBy",
        ],
    )
    BranchFromNamespaceParams = TypeAliasType(
        "BranchFromNamespaceParams", Union[str, "BranchFromNamespaceConfigParam"]
    )
    FilterEq = TypeAliasType("FilterEq", tuple[str, Literal["Eq"], Any])
    FilterNotEq = TypeAliasType("FilterNotEq", tuple[str, Literal["NotEq"], Any])
    FilterIn = TypeAliasType("FilterIn", tuple[str, Literal["In"], Sequence[Any]])
    FilterNotIn = TypeAliasType(
        "FilterNotIn", tuple[str, Literal["NotIn"], Sequence[Any]]
    )
    FilterContains = TypeAliasType(
        "FilterContains", tuple[str, Literal["Contains"], Any]
    )
    FilterNotContains = TypeAliasType(
        "FilterNotContains", tuple[str, Literal["NotContains"], Any]
    )
    FilterContainsAny = TypeAliasType(
        "FilterContainsAny", tuple[str, Literal["ContainsAny"], Sequence[Any]]
    )
    FilterNotContainsAny = TypeAliasType(
        "FilterNotContainsAny", tuple[str, Literal["NotContainsAny"], Sequence[Any]]
    )
    FilterLt = TypeAliasType("FilterLt", tuple[str, Literal["Lt"], Any])
    FilterLte = TypeAliasType("FilterLte", tuple[str, Literal["Lte"], Any])
    FilterGt = TypeAliasType("FilterGt", tuple[str, Literal["Gt"], Any])
    FilterGte = TypeAliasType("FilterGte", tuple[str, Literal["Gte"], Any])
    FilterAnyLt = TypeAliasType("FilterAnyLt", tuple[str, Literal["AnyLt"], Any])
    FilterAnyLte = TypeAliasType("FilterAnyLte", tuple[str, Literal["AnyLte"], Any])
    FilterAnyGt = TypeAliasType("FilterAnyGt", tuple[str, Literal["AnyGt"], Any])
    FilterAnyGte = TypeAliasType("FilterAnyGte", tuple[str, Literal["AnyGte"], Any])
    FilterGlob = TypeAliasType("FilterGlob", tuple[str, Literal["Glob"], str])
    FilterNotGlob = TypeAliasType("FilterNotGlob", tuple[str, Literal["NotGlob"], str])
    FilterIGlob = TypeAliasType("FilterIGlob", tuple[str, Literal["IGlob"], str])
    FilterNotIGlob = TypeAliasType(
        "FilterNotIGlob", tuple[str, Literal["NotIGlob"], str]
    )
    FilterRegex = TypeAliasType("FilterRegex", tuple[str, Literal["Regex"], str])
    FilterFuzzy = TypeAliasType(
        "FilterFuzzy", tuple[str, Literal["Fuzzy"], str, "FuzzyParamsParam"]
    )
    FilterContainsAllTokens = TypeAliasType(
        "FilterContainsAllTokens", tuple[str, Literal["ContainsAllTokens"], str]
    )
    FilterContainsAllTokensArray = TypeAliasType(
        "FilterContainsAllTokensArray",
        tuple[str, Literal["ContainsAllTokens"], Sequence[str]],
    )
    FilterContainsAllTokensWithParams = TypeAliasType(
        "FilterContainsAllTokensWithParams",
        tuple[
            str, Literal["ContainsAllTokens"], str, "ContainsAllTokensFilterParamsParam"
        ],
    )
    FilterContainsAllTokensArrayWithParams = TypeAliasType(
        "FilterContainsAllTokensArrayWithParams",
        tuple[
            str,
            Literal["ContainsAllTokens"],
            Sequence[str],
            "ContainsAllTokensFilterParamsParam",
        ],
    )
    FilterContainsAnyToken = TypeAliasType(
        "FilterContainsAnyToken", tuple[str, Literal["ContainsAnyToken"], str]
    )
    FilterContainsAnyTokenArray = TypeAliasType(
        "FilterContainsAnyTokenArray",
        tuple[str, Literal["ContainsAnyToken"], Sequence[str]],
    )
    FilterContainsAnyTokenWithParams = TypeAliasType(
        "FilterContainsAnyTokenWithParams",
        tuple[
            str, Literal["ContainsAnyToken"], str, "ContainsAnyTokenFilterParamsParam"
        ],
    )
    FilterContainsAnyTokenArrayWithParams = TypeAliasType(
        "FilterContainsAnyTokenArrayWithParams",
        tuple[
            str,
            Literal["ContainsAnyToken"],
            Sequence[str],
            "ContainsAnyTokenFilterParamsParam",
        ],
    )
    FilterContainsTokenSequence = TypeAliasType(
        "FilterContainsTokenSequence", tuple[str, Literal["ContainsTokenSequence"], str]
    )
    FilterContainsTokenSequenceArray = TypeAliasType(
        "FilterContainsTokenSequenceArray",
        tuple[str, Literal["ContainsTokenSequence"], Sequence[str]],
    )
    FilterNot = TypeAliasType("FilterNot", tuple[Literal["Not"], "Filter"])
    FilterAnd = TypeAliasType("FilterAnd", tuple[Literal["And"], Sequence["Filter"]])
    FilterOr = TypeAliasType("FilterOr", tuple[Literal["Or"], Sequence["Filter"]])
    Filter = TypeAliasType(
        "Filter",
        Union[
            "FilterEq",
            "FilterNotEq",
            "FilterIn",
            "FilterNotIn",
            "FilterContains",
            "FilterNotContains",
            "FilterContainsAny",
            "FilterNotContainsAny",
            "FilterLt",
            "FilterLte",
            "FilterGt",
            "FilterGte",
            "FilterAnyLt",
            "FilterAnyLte",
            "FilterAnyGt",
            "FilterAnyGte",
            "FilterGlob",
            "FilterNotGlob",
            "FilterIGlob",
            "FilterNotIGlob",
            "FilterRegex",
            "FilterFuzzy",
            "FilterContainsAllTokens",
            "FilterContainsAllTokensArray",
            "FilterContainsAllTokensWithParams",
            "FilterContainsAllTokensArrayWithParams",
            "FilterContainsAnyToken",
            "FilterContainsAnyTokenArray",
            "FilterContainsAnyTokenWithParams",
            "FilterContainsAnyTokenArrayWithParams",
            "FilterContainsTokenSequence",
            "FilterContainsTokenSequenceArray",
            "FilterNot",
            "FilterAnd",
            "FilterOr",
        ],
    )
    RankByAnn = TypeAliasType("RankByAnn", tuple[str, Literal["ANN"], Sequence[float]])
    RankByAnnMulti = TypeAliasType(
        "RankByAnnMulti", tuple[str, Literal["ANN"], Sequence[Sequence[float]]]
    )
    RankByAnnExpr = TypeAliasType("RankByAnnExpr", tuple[str, Literal["ANN"], "Expr"])
    RankByKnn = TypeAliasType("RankByKnn", tuple[str, Literal["kNN"], Sequence[float]])
    RankByKnnMulti = TypeAliasType(
        "RankByKnnMulti", tuple[str, Literal["kNN"], Sequence[Sequence[float]]]
    )
    RankByKnnExpr = TypeAliasType("RankByKnnExpr", tuple[str, Literal["kNN"], "Expr"])
    RankBySparseKnn = TypeAliasType(
        "RankBySparseKnn", tuple[str, Literal["SparseKNN"], Mapping[str, float]]
    )
    RankByTextBM25 = TypeAliasType("RankByTextBM25", tuple[str, Literal["BM25"], str])
    RankByTextBM25Array = TypeAliasType(
        "RankByTextBM25Array", tuple[str, Literal["BM25"], Sequence[str]]
    )
    RankByTextBM25WithParams = TypeAliasType(
        "RankByTextBM25WithParams",
        tuple[str, Literal["BM25"], str, "Bm25ClauseParamsParam"],
    )
    RankByTextBM25ArrayWithParams = TypeAliasType(
        "RankByTextBM25ArrayWithParams",
        tuple[str, Literal["BM25"], Sequence[str], "Bm25ClauseParamsParam"],
    )
    RankByTextSum = TypeAliasType(
        "RankByTextSum", tuple[Literal["Sum"], Sequence["RankByText"]]
    )
    RankByTextMax = TypeAliasType(
        "RankByTextMax", tuple[Literal["Max"], Sequence["RankByText"]]
    )
    RankByTextProduct = TypeAliasType(
        "RankByTextProduct", tuple[Literal["Product"], float, "RankByText"]
    )
    RankByTextAttribute = TypeAliasType(
        "RankByTextAttribute", tuple[Literal["Attribute"], str]
    )
    RankByTextSaturate = TypeAliasType(
        "RankByTextSaturate",
        tuple[Literal["Saturate"], "RankByText", "SaturateParamsParam"],
    )
    RankByTextDecay = TypeAliasType(
        "RankByTextDecay", tuple[Literal["Decay"], "RankByText", "DecayParamsParam"]
    )
    RankByTextDist = TypeAliasType(
        "RankByTextDist", tuple[Literal["Dist"], "RankByText", Any]
    )
    RankByText = TypeAliasType(
        "RankByText",
        Union[
            "RankByTextBM25",
            "RankByTextBM25Array",
            "RankByTextBM25WithParams",
            "RankByTextBM25ArrayWithParams",
            "RankByTextSum",
            "RankByTextMax",
            "RankByTextProduct",
            "Filter",
            "RankByTextAttribute",
            "RankByTextSaturate",
            "RankByTextDecay",
            "RankByTextDist",
        ],
    )
    RankByAttributeOrder = TypeAliasType("RankByAttributeOrder", Literal["asc", "desc"])
    RankByAttribute = TypeAliasType(
        "RankByAttribute", tuple[str, "RankByAttributeOrder"]
    )
    RankByAttributes = TypeAliasType("RankByAttributes", Sequence["RankByAttribute"])
    RankBy = TypeAliasType(
        "RankBy",
        Union[
            "RankByAnn",
            "RankByAnnMulti",
            "RankByAnnExpr",
            "RankByKnn",
            "RankByKnnMulti",
            "RankByKnnExpr",
            "RankBySparseKnn",
            "RankByText",
            "RankByAttribute",
            "RankByAttributes",
        ],
    )
    RerankByRRF = TypeAliasType("RerankByRRF", tuple[Literal["RRF"]])
    RerankByRrfWithParams = TypeAliasType(
        "RerankByRrfWithParams", tuple[Literal["RRF"], "RrfParamsParam"]
    )
    RerankBy = TypeAliasType("RerankBy", Union["RerankByRRF", "RerankByRrfWithParams"])
    ExprVectorDist = TypeAliasType(
        "ExprVectorDist", tuple[str, Literal["VectorDist"], Sequence[float]]
    )
    ExprHighlight = TypeAliasType("ExprHighlight", tuple[Literal["Highlight"], str])
    ExprHighlightWithConfig = TypeAliasType(
        "ExprHighlightWithConfig",
        tuple[Literal["Highlight"], str, "HighlightConfigParamsParam"],
    )
    HighlightFragmentBy = TypeAliasType(
        "HighlightFragmentBy", Literal["none", "sentence", "paragraph", "word"]
    )
    HighlightOffsetUnits = TypeAliasType(
        "HighlightOffsetUnits", Literal["utf-8", "utf-16", "codepoints"]
    )
