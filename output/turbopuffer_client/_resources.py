"""Resource handles: objects that bind one path parameter, such as a namespace name."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import cast

from ._base_client import AsyncAPIClient, SyncAPIClient, encode_path_parameter
from ._types import NOT_GIVEN, NotGiven, Timeout, strip_not_given
from ._vectors import encode_body_vectors
from .types import (
    AggregateBy,
    AttributeSchema,
    AttributeSchemaConfig,
    BranchFromNamespaceParams,
    ColumnsParam,
    CopyFromNamespaceOperation,
    CopyFromNamespaceParams,
    DeleteAllResponse,
    DistanceMetric,
    EncryptionParam,
    ExplainQueryResponse,
    Expr,
    Filter,
    GroupBy,
    HintCacheWarmResponse,
    Id,
    IncludeAttributes,
    LimitParam,
    MultiQueryResult,
    NamespaceMetadata,
    PatchByFilterParam,
    PinningConfigParam,
    QueryConfigConsistencyParam,
    QueryParam,
    QueryResult,
    RankBy,
    RecallResponse,
    RerankBy,
    RerankLimitParam,
    RowParam,
    ShardingConfigParam,
    StartCopyFromResponse,
    VectorEncoding,
    WriteResult,
)

__all__ = [
    "AsyncNamespace",
    "Namespace",
]


class Namespace:
    """A handle on one namespace; it sends no request until a method is called."""

    def __init__(self, api: SyncAPIClient, namespace: str) -> None:
        self._api = api
        self._path_value = encode_path_parameter(namespace)
        self.namespace = namespace

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.namespace!r})"

    def schema(
        self,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> dict[str, AttributeSchemaConfig]:
        """Get namespace schema."""
        response = self._api.request(
            "GET",
            "/v1/namespaces/" + self._path_value + "/schema",
            response_type=dict[str, AttributeSchemaConfig],
            timeout=timeout,
        )
        return cast("dict[str, AttributeSchemaConfig]", response)

    def update_schema(
        self,
        *,
        schema: Mapping[str, AttributeSchema] | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> dict[str, AttributeSchemaConfig]:
        """Update namespace schema.

        Args:
            schema: The desired schema for the namespace.
        """
        body = schema
        response = self._api.request(
            "POST",
            "/v1/namespaces/" + self._path_value + "/schema",
            response_type=dict[str, AttributeSchemaConfig],
            body=body,
            timeout=timeout,
        )
        return cast("dict[str, AttributeSchemaConfig]", response)

    def metadata(
        self,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> NamespaceMetadata:
        """Get metadata about a namespace."""
        response = self._api.request(
            "GET",
            "/v2/namespaces/" + self._path_value + "/metadata",
            response_type=NamespaceMetadata,
            timeout=timeout,
        )
        return cast("NamespaceMetadata", response)

    def update_metadata(
        self,
        *,
        pinning: bool | PinningConfigParam | None | NotGiven = NOT_GIVEN,
        read_only: bool | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> NamespaceMetadata:
        """Update metadata configuration for a namespace.

        Args:
            pinning: Configuration for namespace pinning. - Missing field: no change to
                pinning configuration - `null` or `false`: explicitly remove pinning -
                `true`: enable pinning with default configuration - Object: set pinning
                configuration
            read_only: Set to `true` to reject document and schema writes, or `false` to
                allow them. Writes already in progress may still commit. Metadata
                updates remain available.
        """
        body = strip_not_given({"pinning": pinning, "read_only": read_only})
        response = self._api.request(
            "PATCH",
            "/v1/namespaces/" + self._path_value + "/metadata",
            response_type=NamespaceMetadata,
            body=body,
            timeout=timeout,
        )
        return cast("NamespaceMetadata", response)

    def hint_cache_warm(
        self,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> HintCacheWarmResponse:
        """Signal turbopuffer to prepare for low-latency requests."""
        response = self._api.request(
            "GET",
            "/v1/namespaces/" + self._path_value + "/hint_cache_warm",
            response_type=HintCacheWarmResponse,
            timeout=timeout,
        )
        return cast("HintCacheWarmResponse", response)

    def recall(
        self,
        *,
        num: int | NotGiven = NOT_GIVEN,
        top_k: int | NotGiven = NOT_GIVEN,
        filters: Filter | NotGiven = NOT_GIVEN,
        include_ground_truth: bool | NotGiven = NOT_GIVEN,
        rank_by: RankBy | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> RecallResponse:
        """Evaluate recall.

        Args:
            num: The number of searches to run.
            top_k: Search for `top_k` nearest neighbors.
            filters: Filter by attributes. Same syntax as the query endpoint.
            include_ground_truth: Include ground truth data (query vectors and true
                nearest neighbors) in the response. Defaults to False on the server.
            rank_by: The ranking function to evaluate recall for. If provided, `num`
                must be either null or 1.
        """
        body = strip_not_given(
            {
                "num": num,
                "top_k": top_k,
                "filters": filters,
                "include_ground_truth": include_ground_truth,
                "rank_by": rank_by,
            }
        )
        response = self._api.request(
            "POST",
            "/v1/namespaces/" + self._path_value + "/_debug/recall",
            response_type=RecallResponse,
            body=body,
            timeout=timeout,
        )
        return cast("RecallResponse", response)

    def write(
        self,
        *,
        upsert_columns: ColumnsParam | NotGiven = NOT_GIVEN,
        upsert_rows: Sequence[RowParam] | NotGiven = NOT_GIVEN,
        patch_columns: ColumnsParam | NotGiven = NOT_GIVEN,
        patch_rows: Sequence[RowParam] | NotGiven = NOT_GIVEN,
        deletes: Sequence[Id] | NotGiven = NOT_GIVEN,
        upsert_condition: Filter | NotGiven = NOT_GIVEN,
        patch_condition: Filter | NotGiven = NOT_GIVEN,
        delete_condition: Filter | NotGiven = NOT_GIVEN,
        distance_metric: DistanceMetric | NotGiven = NOT_GIVEN,
        schema: Mapping[str, AttributeSchema] | NotGiven = NOT_GIVEN,
        branch_from_namespace: BranchFromNamespaceParams | NotGiven = NOT_GIVEN,
        copy_from_namespace: CopyFromNamespaceParams | NotGiven = NOT_GIVEN,
        delete_by_filter: Filter | NotGiven = NOT_GIVEN,
        delete_by_filter_allow_partial: bool | NotGiven = NOT_GIVEN,
        patch_by_filter: PatchByFilterParam | NotGiven = NOT_GIVEN,
        patch_by_filter_allow_partial: bool | NotGiven = NOT_GIVEN,
        return_affected_ids: bool | NotGiven = NOT_GIVEN,
        encryption: EncryptionParam | NotGiven = NOT_GIVEN,
        sharding: ShardingConfigParam | NotGiven = NOT_GIVEN,
        disable_backpressure: bool | NotGiven = NOT_GIVEN,
        create_namespace: bool | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> WriteResult:
        """Create, update, or delete documents.

        Args:
            upsert_columns: A list of documents in columnar format. Each key is a column
                name, mapped to an array of values for that column.
            patch_columns: A list of documents in columnar format. Each key is a column
                name, mapped to an array of values for that column.
            upsert_condition: A condition evaluated against the current value of each
                document targeted by an upsert write. Only documents that pass the
                condition are upserted.
            patch_condition: A condition evaluated against the current value of each
                document targeted by a patch write. Only documents that pass the
                condition are patched.
            delete_condition: A condition evaluated against the current value of each
                document targeted by a delete write. Only documents that pass the
                condition are deleted.
            distance_metric: A function used to calculate vector similarity.
            schema: The schema of the attributes attached to the documents.
            delete_by_filter: The filter specifying which documents to delete.
            delete_by_filter_allow_partial: Allow partial completion when filter matches
                too many documents.
            patch_by_filter: The patch and filter specifying which documents to patch.
            patch_by_filter_allow_partial: Allow partial completion when filter matches
                too many documents.
            return_affected_ids: If true, return the IDs of affected rows (deleted,
                patched, upserted) in the response. For filtered and conditional writes,
                only IDs for writes that succeeded will be included. Defaults to False
                on the server.
            encryption: The encryption configuration for a namespace.
            sharding: Configuration for namespace sharding, which partitions a
                namespace's documents across multiple internal shards to scale indexing
                and query throughput beyond a single machine. Sharding can only be
                configured on a namespace's inaugural write, and cannot be added to or
                changed on an existing namespace.
            disable_backpressure: Disables write throttling (HTTP 429 responses) during
                high-volume ingestion.
            create_namespace: If `true`, ensures the namespace is created, even if the
                request writes no documents. Creating an empty namespace requires the
                `id` type to be declared in `schema`. If `false`, a namespace is never
                created, and a 404 is returned if it does not exist. If omitted, a
                namespace is created by the first request that writes documents.
        """
        body = strip_not_given(
            {
                "upsert_columns": upsert_columns,
                "upsert_rows": upsert_rows,
                "patch_columns": patch_columns,
                "patch_rows": patch_rows,
                "deletes": deletes,
                "upsert_condition": upsert_condition,
                "patch_condition": patch_condition,
                "delete_condition": delete_condition,
                "distance_metric": distance_metric,
                "schema": schema,
                "branch_from_namespace": branch_from_namespace,
                "copy_from_namespace": copy_from_namespace,
                "delete_by_filter": delete_by_filter,
                "delete_by_filter_allow_partial": delete_by_filter_allow_partial,
                "patch_by_filter": patch_by_filter,
                "patch_by_filter_allow_partial": patch_by_filter_allow_partial,
                "return_affected_ids": return_affected_ids,
                "encryption": encryption,
                "sharding": sharding,
                "disable_backpressure": disable_backpressure,
                "create_namespace": create_namespace,
            }
        )
        body = encode_body_vectors(
            body,
            rows=("upsert_rows", "patch_rows"),
            columns=("upsert_columns", "patch_columns"),
            attributes=("vector",),
            schema_key="schema",
        )
        response = self._api.request(
            "POST",
            "/v2/namespaces/" + self._path_value,
            response_type=WriteResult,
            body=body,
            timeout=timeout,
        )
        return cast("WriteResult", response)

    def delete_all(
        self,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> DeleteAllResponse:
        """Delete namespace."""
        response = self._api.request(
            "DELETE",
            "/v2/namespaces/" + self._path_value,
            response_type=DeleteAllResponse,
            timeout=timeout,
        )
        return cast("DeleteAllResponse", response)

    def query(
        self,
        *,
        vector_encoding: VectorEncoding | NotGiven = NOT_GIVEN,
        consistency: QueryConfigConsistencyParam | NotGiven = NOT_GIVEN,
        rank_by: RankBy | NotGiven = NOT_GIVEN,
        top_k: int | NotGiven = NOT_GIVEN,
        offset: int | NotGiven = NOT_GIVEN,
        filters: Filter | NotGiven = NOT_GIVEN,
        include_attributes: IncludeAttributes | NotGiven = NOT_GIVEN,
        exclude_attributes: Sequence[str] | NotGiven = NOT_GIVEN,
        aggregate_by: Mapping[str, AggregateBy] | NotGiven = NOT_GIVEN,
        group_by: Sequence[GroupBy] | NotGiven = NOT_GIVEN,
        compute_attributes: Mapping[str, Expr] | NotGiven = NOT_GIVEN,
        distance_metric: DistanceMetric | NotGiven = NOT_GIVEN,
        limit: int | LimitParam | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> QueryResult:
        """Query, filter, full-text search and vector search documents.

        Args:
            vector_encoding: The encoding to use for vectors in the response.
            consistency: The consistency level for a query.
            rank_by: How to rank the documents in the namespace.
            top_k: The number of results to return.
            offset: Number of documents to skip before returning results. Supported only
                in v2 queries with an explicit `rank_by` and `top_k` or `limit`.
            filters: Exact filters for attributes to refine search results for. Think of
                it as a SQL WHERE clause.
            include_attributes: Whether to include attributes in the response.
            exclude_attributes: List of attribute names to exclude from the response.
                All other attributes will be included in the response.
            aggregate_by: Aggregations to compute over all documents in the namespace
                that match the filters.
            group_by: Groups documents by the specified attributes (the "group key")
                before computing aggregates. Aggregates are computed separately for each
                group.
            compute_attributes: Computes additional values on documents returned by a
                query. Each key is the name of the computed attribute; each value is an
                expression describing how to compute it.
            distance_metric: A function used to calculate vector similarity.
        """
        body = strip_not_given(
            {
                "vector_encoding": vector_encoding,
                "consistency": consistency,
                "rank_by": rank_by,
                "top_k": top_k,
                "offset": offset,
                "filters": filters,
                "include_attributes": include_attributes,
                "exclude_attributes": exclude_attributes,
                "aggregate_by": aggregate_by,
                "group_by": group_by,
                "compute_attributes": compute_attributes,
                "distance_metric": distance_metric,
                "limit": limit,
            }
        )
        response = self._api.request(
            "POST",
            "/v2/namespaces/" + self._path_value + "/query",
            response_type=QueryResult,
            body=body,
            timeout=timeout,
        )
        return cast("QueryResult", response)

    def branch_from(
        self,
        *,
        source_namespace: str,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> WriteResult:
        """Creates an instant, copy-on-write clone of a namespace.

        Args:
            source_namespace: The namespace to create an instant, copy-on-write clone
                of.
        """
        body = {
            "branch_from_namespace": strip_not_given(
                {"source_namespace": source_namespace}
            )
        }
        response = self._api.request(
            "POST",
            "/v2/namespaces/" + self._path_value + "?stainless_overload=branchFrom",
            response_type=WriteResult,
            body=body,
            timeout=timeout,
        )
        return cast("WriteResult", response)

    def copy_from(
        self,
        *,
        source_namespace: str,
        source_api_key: str | NotGiven = NOT_GIVEN,
        source_region: str | NotGiven = NOT_GIVEN,
        dest_encryption: EncryptionParam | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> WriteResult:
        """Copy all documents from another namespace into this one.

        Args:
            source_namespace: The namespace to copy documents from.
            source_api_key: (Optional) An API key for the organization containing the
                source namespace
            source_region: (Optional) The region of the source namespace.
            dest_encryption: (Optional) The encryption configuration for the destination
                namespace.
        """
        body = {
            "copy_from_namespace": strip_not_given(
                {
                    "source_namespace": source_namespace,
                    "source_api_key": source_api_key,
                    "source_region": source_region,
                    "dest_encryption": dest_encryption,
                }
            )
        }
        response = self._api.request(
            "POST",
            "/v2/namespaces/" + self._path_value + "?stainless_overload=copyFrom",
            response_type=WriteResult,
            body=body,
            timeout=timeout,
            async_operation=True,
        )
        return cast("WriteResult", response)

    def start_copy_from(
        self,
        *,
        source_namespace: str,
        source_api_key: str | NotGiven = NOT_GIVEN,
        source_region: str | NotGiven = NOT_GIVEN,
        dest_encryption: EncryptionParam | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> StartCopyFromResponse:
        """Start copying all documents from another namespace into this one. Returns an
        operation token without waiting for the copy to finish. Use the token to poll
        for progress and the result.

        Args:
            source_namespace: The namespace to copy documents from.
            source_api_key: (Optional) An API key for the organization containing the
                source namespace
            source_region: (Optional) The region of the source namespace.
            dest_encryption: (Optional) The encryption configuration for the destination
                namespace.
        """
        body = {
            "copy_from_namespace": strip_not_given(
                {
                    "source_namespace": source_namespace,
                    "source_api_key": source_api_key,
                    "source_region": source_region,
                    "dest_encryption": dest_encryption,
                }
            )
        }
        response = self._api.request(
            "POST",
            "/v2/namespaces/"
            + self._path_value
            + "/async?stainless_overload=startCopyFrom",
            response_type=StartCopyFromResponse,
            body=body,
            timeout=timeout,
        )
        return cast("StartCopyFromResponse", response)

    def poll_copy_from(
        self,
        token: str,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> CopyFromNamespaceOperation:
        """Retrieve the current status of a copy operation.

        Args:
            token: The operation token obtained when starting the copy.
        """
        response = self._api.request(
            "GET",
            "/v1/namespaces/"
            + self._path_value
            + "/operations/"
            + encode_path_parameter(str(token))
            + "?stainless_overload=pollCopyFrom",
            response_type=CopyFromNamespaceOperation,
            timeout=timeout,
        )
        return cast("CopyFromNamespaceOperation", response)

    def explain_query(
        self,
        *,
        vector_encoding: VectorEncoding | NotGiven = NOT_GIVEN,
        consistency: QueryConfigConsistencyParam | NotGiven = NOT_GIVEN,
        rank_by: RankBy | NotGiven = NOT_GIVEN,
        top_k: int | NotGiven = NOT_GIVEN,
        offset: int | NotGiven = NOT_GIVEN,
        filters: Filter | NotGiven = NOT_GIVEN,
        include_attributes: IncludeAttributes | NotGiven = NOT_GIVEN,
        exclude_attributes: Sequence[str] | NotGiven = NOT_GIVEN,
        aggregate_by: Mapping[str, AggregateBy] | NotGiven = NOT_GIVEN,
        group_by: Sequence[GroupBy] | NotGiven = NOT_GIVEN,
        compute_attributes: Mapping[str, Expr] | NotGiven = NOT_GIVEN,
        distance_metric: DistanceMetric | NotGiven = NOT_GIVEN,
        limit: int | LimitParam | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> ExplainQueryResponse:
        """Explain a query plan.

        Args:
            vector_encoding: The encoding to use for vectors in the response.
            consistency: The consistency level for a query.
            rank_by: How to rank the documents in the namespace.
            top_k: The number of results to return.
            offset: Number of documents to skip before returning results. Supported only
                in v2 queries with an explicit `rank_by` and `top_k` or `limit`.
            filters: Exact filters for attributes to refine search results for. Think of
                it as a SQL WHERE clause.
            include_attributes: Whether to include attributes in the response.
            exclude_attributes: List of attribute names to exclude from the response.
                All other attributes will be included in the response.
            aggregate_by: Aggregations to compute over all documents in the namespace
                that match the filters.
            group_by: Groups documents by the specified attributes (the "group key")
                before computing aggregates. Aggregates are computed separately for each
                group.
            compute_attributes: Computes additional values on documents returned by a
                query. Each key is the name of the computed attribute; each value is an
                expression describing how to compute it.
            distance_metric: A function used to calculate vector similarity.
        """
        body = strip_not_given(
            {
                "vector_encoding": vector_encoding,
                "consistency": consistency,
                "rank_by": rank_by,
                "top_k": top_k,
                "offset": offset,
                "filters": filters,
                "include_attributes": include_attributes,
                "exclude_attributes": exclude_attributes,
                "aggregate_by": aggregate_by,
                "group_by": group_by,
                "compute_attributes": compute_attributes,
                "distance_metric": distance_metric,
                "limit": limit,
            }
        )
        response = self._api.request(
            "POST",
            "/v2/namespaces/" + self._path_value + "/explain_query",
            response_type=ExplainQueryResponse,
            body=body,
            timeout=timeout,
        )
        return cast("ExplainQueryResponse", response)

    def multi_query(
        self,
        *,
        vector_encoding: VectorEncoding | NotGiven = NOT_GIVEN,
        consistency: QueryConfigConsistencyParam | NotGiven = NOT_GIVEN,
        queries: Sequence[QueryParam] | NotGiven = NOT_GIVEN,
        rerank_by: RerankBy | NotGiven = NOT_GIVEN,
        limit: int | RerankLimitParam | NotGiven = NOT_GIVEN,
        offset: int | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> MultiQueryResult:
        """Issue multiple concurrent queries filter or search documents.

        Args:
            vector_encoding: The encoding to use for vectors in the response.
            consistency: The consistency level for a query.
            rerank_by: How to combine the rows returned by each sub-query into a single
                ranked list.
            limit: Limits the total number of reranked documents returned.
            offset: Number of reranked documents to skip before returning results.
                Requires `rerank_by` and `limit`.
        """
        body = strip_not_given(
            {
                "vector_encoding": vector_encoding,
                "consistency": consistency,
                "queries": queries,
                "rerank_by": rerank_by,
                "limit": limit,
                "offset": offset,
            }
        )
        response = self._api.request(
            "POST",
            "/v2/namespaces/"
            + self._path_value
            + "/query?stainless_overload=multiQuery",
            response_type=MultiQueryResult,
            body=body,
            timeout=timeout,
        )
        return cast("MultiQueryResult", response)


class AsyncNamespace:
    """A handle on one namespace; it sends no request until a method is called."""

    def __init__(self, api: AsyncAPIClient, namespace: str) -> None:
        self._api = api
        self._path_value = encode_path_parameter(namespace)
        self.namespace = namespace

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.namespace!r})"

    async def schema(
        self,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> dict[str, AttributeSchemaConfig]:
        """Get namespace schema."""
        response = await self._api.request(
            "GET",
            "/v1/namespaces/" + self._path_value + "/schema",
            response_type=dict[str, AttributeSchemaConfig],
            timeout=timeout,
        )
        return cast("dict[str, AttributeSchemaConfig]", response)

    async def update_schema(
        self,
        *,
        schema: Mapping[str, AttributeSchema] | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> dict[str, AttributeSchemaConfig]:
        """Update namespace schema.

        Args:
            schema: The desired schema for the namespace.
        """
        body = schema
        response = await self._api.request(
            "POST",
            "/v1/namespaces/" + self._path_value + "/schema",
            response_type=dict[str, AttributeSchemaConfig],
            body=body,
            timeout=timeout,
        )
        return cast("dict[str, AttributeSchemaConfig]", response)

    async def metadata(
        self,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> NamespaceMetadata:
        """Get metadata about a namespace."""
        response = await self._api.request(
            "GET",
            "/v2/namespaces/" + self._path_value + "/metadata",
            response_type=NamespaceMetadata,
            timeout=timeout,
        )
        return cast("NamespaceMetadata", response)

    async def update_metadata(
        self,
        *,
        pinning: bool | PinningConfigParam | None | NotGiven = NOT_GIVEN,
        read_only: bool | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> NamespaceMetadata:
        """Update metadata configuration for a namespace.

        Args:
            pinning: Configuration for namespace pinning. - Missing field: no change to
                pinning configuration - `null` or `false`: explicitly remove pinning -
                `true`: enable pinning with default configuration - Object: set pinning
                configuration
            read_only: Set to `true` to reject document and schema writes, or `false` to
                allow them. Writes already in progress may still commit. Metadata
                updates remain available.
        """
        body = strip_not_given({"pinning": pinning, "read_only": read_only})
        response = await self._api.request(
            "PATCH",
            "/v1/namespaces/" + self._path_value + "/metadata",
            response_type=NamespaceMetadata,
            body=body,
            timeout=timeout,
        )
        return cast("NamespaceMetadata", response)

    async def hint_cache_warm(
        self,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> HintCacheWarmResponse:
        """Signal turbopuffer to prepare for low-latency requests."""
        response = await self._api.request(
            "GET",
            "/v1/namespaces/" + self._path_value + "/hint_cache_warm",
            response_type=HintCacheWarmResponse,
            timeout=timeout,
        )
        return cast("HintCacheWarmResponse", response)

    async def recall(
        self,
        *,
        num: int | NotGiven = NOT_GIVEN,
        top_k: int | NotGiven = NOT_GIVEN,
        filters: Filter | NotGiven = NOT_GIVEN,
        include_ground_truth: bool | NotGiven = NOT_GIVEN,
        rank_by: RankBy | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> RecallResponse:
        """Evaluate recall.

        Args:
            num: The number of searches to run.
            top_k: Search for `top_k` nearest neighbors.
            filters: Filter by attributes. Same syntax as the query endpoint.
            include_ground_truth: Include ground truth data (query vectors and true
                nearest neighbors) in the response. Defaults to False on the server.
            rank_by: The ranking function to evaluate recall for. If provided, `num`
                must be either null or 1.
        """
        body = strip_not_given(
            {
                "num": num,
                "top_k": top_k,
                "filters": filters,
                "include_ground_truth": include_ground_truth,
                "rank_by": rank_by,
            }
        )
        response = await self._api.request(
            "POST",
            "/v1/namespaces/" + self._path_value + "/_debug/recall",
            response_type=RecallResponse,
            body=body,
            timeout=timeout,
        )
        return cast("RecallResponse", response)

    async def write(
        self,
        *,
        upsert_columns: ColumnsParam | NotGiven = NOT_GIVEN,
        upsert_rows: Sequence[RowParam] | NotGiven = NOT_GIVEN,
        patch_columns: ColumnsParam | NotGiven = NOT_GIVEN,
        patch_rows: Sequence[RowParam] | NotGiven = NOT_GIVEN,
        deletes: Sequence[Id] | NotGiven = NOT_GIVEN,
        upsert_condition: Filter | NotGiven = NOT_GIVEN,
        patch_condition: Filter | NotGiven = NOT_GIVEN,
        delete_condition: Filter | NotGiven = NOT_GIVEN,
        distance_metric: DistanceMetric | NotGiven = NOT_GIVEN,
        schema: Mapping[str, AttributeSchema] | NotGiven = NOT_GIVEN,
        branch_from_namespace: BranchFromNamespaceParams | NotGiven = NOT_GIVEN,
        copy_from_namespace: CopyFromNamespaceParams | NotGiven = NOT_GIVEN,
        delete_by_filter: Filter | NotGiven = NOT_GIVEN,
        delete_by_filter_allow_partial: bool | NotGiven = NOT_GIVEN,
        patch_by_filter: PatchByFilterParam | NotGiven = NOT_GIVEN,
        patch_by_filter_allow_partial: bool | NotGiven = NOT_GIVEN,
        return_affected_ids: bool | NotGiven = NOT_GIVEN,
        encryption: EncryptionParam | NotGiven = NOT_GIVEN,
        sharding: ShardingConfigParam | NotGiven = NOT_GIVEN,
        disable_backpressure: bool | NotGiven = NOT_GIVEN,
        create_namespace: bool | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> WriteResult:
        """Create, update, or delete documents.

        Args:
            upsert_columns: A list of documents in columnar format. Each key is a column
                name, mapped to an array of values for that column.
            patch_columns: A list of documents in columnar format. Each key is a column
                name, mapped to an array of values for that column.
            upsert_condition: A condition evaluated against the current value of each
                document targeted by an upsert write. Only documents that pass the
                condition are upserted.
            patch_condition: A condition evaluated against the current value of each
                document targeted by a patch write. Only documents that pass the
                condition are patched.
            delete_condition: A condition evaluated against the current value of each
                document targeted by a delete write. Only documents that pass the
                condition are deleted.
            distance_metric: A function used to calculate vector similarity.
            schema: The schema of the attributes attached to the documents.
            delete_by_filter: The filter specifying which documents to delete.
            delete_by_filter_allow_partial: Allow partial completion when filter matches
                too many documents.
            patch_by_filter: The patch and filter specifying which documents to patch.
            patch_by_filter_allow_partial: Allow partial completion when filter matches
                too many documents.
            return_affected_ids: If true, return the IDs of affected rows (deleted,
                patched, upserted) in the response. For filtered and conditional writes,
                only IDs for writes that succeeded will be included. Defaults to False
                on the server.
            encryption: The encryption configuration for a namespace.
            sharding: Configuration for namespace sharding, which partitions a
                namespace's documents across multiple internal shards to scale indexing
                and query throughput beyond a single machine. Sharding can only be
                configured on a namespace's inaugural write, and cannot be added to or
                changed on an existing namespace.
            disable_backpressure: Disables write throttling (HTTP 429 responses) during
                high-volume ingestion.
            create_namespace: If `true`, ensures the namespace is created, even if the
                request writes no documents. Creating an empty namespace requires the
                `id` type to be declared in `schema`. If `false`, a namespace is never
                created, and a 404 is returned if it does not exist. If omitted, a
                namespace is created by the first request that writes documents.
        """
        body = strip_not_given(
            {
                "upsert_columns": upsert_columns,
                "upsert_rows": upsert_rows,
                "patch_columns": patch_columns,
                "patch_rows": patch_rows,
                "deletes": deletes,
                "upsert_condition": upsert_condition,
                "patch_condition": patch_condition,
                "delete_condition": delete_condition,
                "distance_metric": distance_metric,
                "schema": schema,
                "branch_from_namespace": branch_from_namespace,
                "copy_from_namespace": copy_from_namespace,
                "delete_by_filter": delete_by_filter,
                "delete_by_filter_allow_partial": delete_by_filter_allow_partial,
                "patch_by_filter": patch_by_filter,
                "patch_by_filter_allow_partial": patch_by_filter_allow_partial,
                "return_affected_ids": return_affected_ids,
                "encryption": encryption,
                "sharding": sharding,
                "disable_backpressure": disable_backpressure,
                "create_namespace": create_namespace,
            }
        )
        body = encode_body_vectors(
            body,
            rows=("upsert_rows", "patch_rows"),
            columns=("upsert_columns", "patch_columns"),
            attributes=("vector",),
            schema_key="schema",
        )
        response = await self._api.request(
            "POST",
            "/v2/namespaces/" + self._path_value,
            response_type=WriteResult,
            body=body,
            timeout=timeout,
        )
        return cast("WriteResult", response)

    async def delete_all(
        self,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> DeleteAllResponse:
        """Delete namespace."""
        response = await self._api.request(
            "DELETE",
            "/v2/namespaces/" + self._path_value,
            response_type=DeleteAllResponse,
            timeout=timeout,
        )
        return cast("DeleteAllResponse", response)

    async def query(
        self,
        *,
        vector_encoding: VectorEncoding | NotGiven = NOT_GIVEN,
        consistency: QueryConfigConsistencyParam | NotGiven = NOT_GIVEN,
        rank_by: RankBy | NotGiven = NOT_GIVEN,
        top_k: int | NotGiven = NOT_GIVEN,
        offset: int | NotGiven = NOT_GIVEN,
        filters: Filter | NotGiven = NOT_GIVEN,
        include_attributes: IncludeAttributes | NotGiven = NOT_GIVEN,
        exclude_attributes: Sequence[str] | NotGiven = NOT_GIVEN,
        aggregate_by: Mapping[str, AggregateBy] | NotGiven = NOT_GIVEN,
        group_by: Sequence[GroupBy] | NotGiven = NOT_GIVEN,
        compute_attributes: Mapping[str, Expr] | NotGiven = NOT_GIVEN,
        distance_metric: DistanceMetric | NotGiven = NOT_GIVEN,
        limit: int | LimitParam | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> QueryResult:
        """Query, filter, full-text search and vector search documents.

        Args:
            vector_encoding: The encoding to use for vectors in the response.
            consistency: The consistency level for a query.
            rank_by: How to rank the documents in the namespace.
            top_k: The number of results to return.
            offset: Number of documents to skip before returning results. Supported only
                in v2 queries with an explicit `rank_by` and `top_k` or `limit`.
            filters: Exact filters for attributes to refine search results for. Think of
                it as a SQL WHERE clause.
            include_attributes: Whether to include attributes in the response.
            exclude_attributes: List of attribute names to exclude from the response.
                All other attributes will be included in the response.
            aggregate_by: Aggregations to compute over all documents in the namespace
                that match the filters.
            group_by: Groups documents by the specified attributes (the "group key")
                before computing aggregates. Aggregates are computed separately for each
                group.
            compute_attributes: Computes additional values on documents returned by a
                query. Each key is the name of the computed attribute; each value is an
                expression describing how to compute it.
            distance_metric: A function used to calculate vector similarity.
        """
        body = strip_not_given(
            {
                "vector_encoding": vector_encoding,
                "consistency": consistency,
                "rank_by": rank_by,
                "top_k": top_k,
                "offset": offset,
                "filters": filters,
                "include_attributes": include_attributes,
                "exclude_attributes": exclude_attributes,
                "aggregate_by": aggregate_by,
                "group_by": group_by,
                "compute_attributes": compute_attributes,
                "distance_metric": distance_metric,
                "limit": limit,
            }
        )
        response = await self._api.request(
            "POST",
            "/v2/namespaces/" + self._path_value + "/query",
            response_type=QueryResult,
            body=body,
            timeout=timeout,
        )
        return cast("QueryResult", response)

    async def branch_from(
        self,
        *,
        source_namespace: str,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> WriteResult:
        """Creates an instant, copy-on-write clone of a namespace.

        Args:
            source_namespace: The namespace to create an instant, copy-on-write clone
                of.
        """
        body = {
            "branch_from_namespace": strip_not_given(
                {"source_namespace": source_namespace}
            )
        }
        response = await self._api.request(
            "POST",
            "/v2/namespaces/" + self._path_value + "?stainless_overload=branchFrom",
            response_type=WriteResult,
            body=body,
            timeout=timeout,
        )
        return cast("WriteResult", response)

    async def copy_from(
        self,
        *,
        source_namespace: str,
        source_api_key: str | NotGiven = NOT_GIVEN,
        source_region: str | NotGiven = NOT_GIVEN,
        dest_encryption: EncryptionParam | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> WriteResult:
        """Copy all documents from another namespace into this one.

        Args:
            source_namespace: The namespace to copy documents from.
            source_api_key: (Optional) An API key for the organization containing the
                source namespace
            source_region: (Optional) The region of the source namespace.
            dest_encryption: (Optional) The encryption configuration for the destination
                namespace.
        """
        body = {
            "copy_from_namespace": strip_not_given(
                {
                    "source_namespace": source_namespace,
                    "source_api_key": source_api_key,
                    "source_region": source_region,
                    "dest_encryption": dest_encryption,
                }
            )
        }
        response = await self._api.request(
            "POST",
            "/v2/namespaces/" + self._path_value + "?stainless_overload=copyFrom",
            response_type=WriteResult,
            body=body,
            timeout=timeout,
            async_operation=True,
        )
        return cast("WriteResult", response)

    async def start_copy_from(
        self,
        *,
        source_namespace: str,
        source_api_key: str | NotGiven = NOT_GIVEN,
        source_region: str | NotGiven = NOT_GIVEN,
        dest_encryption: EncryptionParam | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> StartCopyFromResponse:
        """Start copying all documents from another namespace into this one. Returns an
        operation token without waiting for the copy to finish. Use the token to poll
        for progress and the result.

        Args:
            source_namespace: The namespace to copy documents from.
            source_api_key: (Optional) An API key for the organization containing the
                source namespace
            source_region: (Optional) The region of the source namespace.
            dest_encryption: (Optional) The encryption configuration for the destination
                namespace.
        """
        body = {
            "copy_from_namespace": strip_not_given(
                {
                    "source_namespace": source_namespace,
                    "source_api_key": source_api_key,
                    "source_region": source_region,
                    "dest_encryption": dest_encryption,
                }
            )
        }
        response = await self._api.request(
            "POST",
            "/v2/namespaces/"
            + self._path_value
            + "/async?stainless_overload=startCopyFrom",
            response_type=StartCopyFromResponse,
            body=body,
            timeout=timeout,
        )
        return cast("StartCopyFromResponse", response)

    async def poll_copy_from(
        self,
        token: str,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> CopyFromNamespaceOperation:
        """Retrieve the current status of a copy operation.

        Args:
            token: The operation token obtained when starting the copy.
        """
        response = await self._api.request(
            "GET",
            "/v1/namespaces/"
            + self._path_value
            + "/operations/"
            + encode_path_parameter(str(token))
            + "?stainless_overload=pollCopyFrom",
            response_type=CopyFromNamespaceOperation,
            timeout=timeout,
        )
        return cast("CopyFromNamespaceOperation", response)

    async def explain_query(
        self,
        *,
        vector_encoding: VectorEncoding | NotGiven = NOT_GIVEN,
        consistency: QueryConfigConsistencyParam | NotGiven = NOT_GIVEN,
        rank_by: RankBy | NotGiven = NOT_GIVEN,
        top_k: int | NotGiven = NOT_GIVEN,
        offset: int | NotGiven = NOT_GIVEN,
        filters: Filter | NotGiven = NOT_GIVEN,
        include_attributes: IncludeAttributes | NotGiven = NOT_GIVEN,
        exclude_attributes: Sequence[str] | NotGiven = NOT_GIVEN,
        aggregate_by: Mapping[str, AggregateBy] | NotGiven = NOT_GIVEN,
        group_by: Sequence[GroupBy] | NotGiven = NOT_GIVEN,
        compute_attributes: Mapping[str, Expr] | NotGiven = NOT_GIVEN,
        distance_metric: DistanceMetric | NotGiven = NOT_GIVEN,
        limit: int | LimitParam | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> ExplainQueryResponse:
        """Explain a query plan.

        Args:
            vector_encoding: The encoding to use for vectors in the response.
            consistency: The consistency level for a query.
            rank_by: How to rank the documents in the namespace.
            top_k: The number of results to return.
            offset: Number of documents to skip before returning results. Supported only
                in v2 queries with an explicit `rank_by` and `top_k` or `limit`.
            filters: Exact filters for attributes to refine search results for. Think of
                it as a SQL WHERE clause.
            include_attributes: Whether to include attributes in the response.
            exclude_attributes: List of attribute names to exclude from the response.
                All other attributes will be included in the response.
            aggregate_by: Aggregations to compute over all documents in the namespace
                that match the filters.
            group_by: Groups documents by the specified attributes (the "group key")
                before computing aggregates. Aggregates are computed separately for each
                group.
            compute_attributes: Computes additional values on documents returned by a
                query. Each key is the name of the computed attribute; each value is an
                expression describing how to compute it.
            distance_metric: A function used to calculate vector similarity.
        """
        body = strip_not_given(
            {
                "vector_encoding": vector_encoding,
                "consistency": consistency,
                "rank_by": rank_by,
                "top_k": top_k,
                "offset": offset,
                "filters": filters,
                "include_attributes": include_attributes,
                "exclude_attributes": exclude_attributes,
                "aggregate_by": aggregate_by,
                "group_by": group_by,
                "compute_attributes": compute_attributes,
                "distance_metric": distance_metric,
                "limit": limit,
            }
        )
        response = await self._api.request(
            "POST",
            "/v2/namespaces/" + self._path_value + "/explain_query",
            response_type=ExplainQueryResponse,
            body=body,
            timeout=timeout,
        )
        return cast("ExplainQueryResponse", response)

    async def multi_query(
        self,
        *,
        vector_encoding: VectorEncoding | NotGiven = NOT_GIVEN,
        consistency: QueryConfigConsistencyParam | NotGiven = NOT_GIVEN,
        queries: Sequence[QueryParam] | NotGiven = NOT_GIVEN,
        rerank_by: RerankBy | NotGiven = NOT_GIVEN,
        limit: int | RerankLimitParam | NotGiven = NOT_GIVEN,
        offset: int | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> MultiQueryResult:
        """Issue multiple concurrent queries filter or search documents.

        Args:
            vector_encoding: The encoding to use for vectors in the response.
            consistency: The consistency level for a query.
            rerank_by: How to combine the rows returned by each sub-query into a single
                ranked list.
            limit: Limits the total number of reranked documents returned.
            offset: Number of reranked documents to skip before returning results.
                Requires `rerank_by` and `limit`.
        """
        body = strip_not_given(
            {
                "vector_encoding": vector_encoding,
                "consistency": consistency,
                "queries": queries,
                "rerank_by": rerank_by,
                "limit": limit,
                "offset": offset,
            }
        )
        response = await self._api.request(
            "POST",
            "/v2/namespaces/"
            + self._path_value
            + "/query?stainless_overload=multiQuery",
            response_type=MultiQueryResult,
            body=body,
            timeout=timeout,
        )
        return cast("MultiQueryResult", response)
