import JSONTree

// Each model lists its anomalies once: the tolerant fields' (with the paths they were
// decoded at), then its open enumerations' undocumented values, then its children's.

extension CheckTaskProgress {
  /// Every value of this answer that does not match the documentation.
  public var wireAnomalies: [WireAnomaly] {
    var anomalies = [taskStatus?.anomaly(at: JSONPointer(tokens: ["task_status"]))]
    if let progress {
      anomalies += [
        progress.ratio.flatMap { $0.anomaly(at: JSONPointer(tokens: ["progress", "ratio"])) },
        progress.$info, progress.info?.anomaly(at: JSONPointer(tokens: ["progress", "info"])),
      ]
    }
    return anomalies.compactMap { $0 }
  }
}

extension DRSTemplateImportProgress {
  /// Every value of this answer that does not match the documentation.
  public var wireAnomalies: [WireAnomaly] {
    [
      $sendSuccess, processStatus?.anomaly(at: JSONPointer(tokens: ["process_status"])),
      $parsedSuccessNumber,
      parsedSuccessNumber.flatMap {
        $0.anomaly(at: JSONPointer(tokens: ["parsed_success_number"]))
      },
    ].compactMap { $0 }
  }
}

extension InsightImportTask {
  /// Every value of this answer that does not match the documentation.
  public var wireAnomalies: [WireAnomaly] {
    [
      $id, $name, $domainID, $projectID, $workspaceID, $importParameters, $obsBucket,
      $obsObjectKey, $importDetail, status?.anomaly(at: JSONPointer(tokens: ["status"])),
      $errorMessage, $importType, importType?.anomaly(at: JSONPointer(tokens: ["import_type"])),
      $createUser, $createUserName, $createDate, $updateDate,
    ].compactMap { $0 }
  }
}

extension QualityResourceStatus {
  /// Every value of this answer that does not match the documentation.
  public var wireAnomalies: [WireAnomaly] {
    [
      $id, $resourceID, $resourceType,
      resourceType?.anomaly(at: JSONPointer(tokens: ["resource_type"])), $action,
      action?.anomaly(at: JSONPointer(tokens: ["action"])), $fileName, $startTime, $endTime,
      status?.anomaly(at: JSONPointer(tokens: ["status"])), $errorMessage, $projectID,
      $domainID, $userName, $exportResources, $importBody,
      fileStatus?.anomaly(at: JSONPointer(tokens: ["file_status"])),
    ].compactMap { $0 }
  }
}

extension PerfTestUploadProcessResponse {
  /// Every value of this answer that does not match the documentation.
  public var wireAnomalies: [WireAnomaly] {
    var anomalies = [$code, $message, $extend]
    if let process {
      anomalies.append(
        process.processStatus?.anomaly(at: JSONPointer(tokens: ["json", "process_status"])))
      for (detail, index) in zip(process.details ?? [], process.wireIndices) {
        let status = JSONPointer(tokens: ["json", "details", String(index), "status"])
        anomalies += [detail.$id, detail.$name, detail.status?.anomaly(at: status), detail.$cause]
      }
    }
    return anomalies.compactMap { $0 }
  }
}

extension Percentage {
  /// The anomaly of a ratio that is not a usable percentage, at `path`; nil for one that is.
  func anomaly(at path: JSONPointer) -> WireAnomaly? {
    guard percentWithinRange == nil else { return nil }
    return WireAnomaly(
      path: path, documentedType: #"percentage "0%" to "100%""#, found: wireValue.jsonValue)
  }
}

extension NumericString {
  /// The anomaly of a value that holds no integer, at `path`; nil for one that does.
  func anomaly(at path: JSONPointer) -> WireAnomaly? {
    guard integer == nil else { return nil }
    return WireAnomaly(
      path: path, documentedType: Self.documentedWireType, found: wireValue.jsonValue)
  }
}
