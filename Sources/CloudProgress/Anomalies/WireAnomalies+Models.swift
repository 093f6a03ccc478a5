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
      $createUser, $createUserName, $createDate,
      createDate?.anomaly(at: JSONPointer(tokens: ["create_date"])), $updateDate,
      updateDate?.anomaly(at: JSONPointer(tokens: ["update_date"])),
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
    var anomalies = [$code, $message, $extend].compactMap { $0 }
    guard let process else { return anomalies }
    if let anomaly = process.processStatus?.anomaly(
      at: JSONPointer(tokens: ["json", "process_status"]))
    {
      anomalies.append(anomaly)
    }
    // Only the anomalies are kept, and a status's path is made only for an undocumented
    // status: a list of every detail's four optional anomalies, each with a path, cost more
    // than decoding the details.
    for (detail, index) in zip(process.details ?? [], process.wireIndices) {
      if let anomaly = detail.$id { anomalies.append(anomaly) }
      if let anomaly = detail.$name { anomalies.append(anomaly) }
      if let status = detail.status, !status.isDocumented,
        let anomaly = status.anomaly(
          at: JSONPointer(tokens: ["json", "details", String(index), "status"]))
      {
        anomalies.append(anomaly)
      }
      if let anomaly = detail.$cause { anomalies.append(anomaly) }
    }
    return anomalies
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
  /// The anomaly of a value that holds no integer, or holds one but not as a string (read,
  /// and noted), at `path`; nil for a string holding an integer.
  func anomaly(at path: JSONPointer) -> WireAnomaly? {
    if let integer {
      guard case .string = wireValue else {
        return WireAnomaly(
          path: path, documentedType: Self.documentedWireType, found: wireValue.jsonValue,
          readAs: "\"\(integer)\"")
      }
      return nil
    }
    return WireAnomaly(
      path: path, documentedType: Self.documentedWireType, found: wireValue.jsonValue)
  }
}

extension LongTimestamp {
  /// The anomaly of a value that is not an integer number, at `path`: a numeric string is
  /// read (and noted), anything else kept. An integer beyond `Int64` is no anomaly: the
  /// documentation's own example (`9223372036854776000`) is one.
  func anomaly(at path: JSONPointer) -> WireAnomaly? {
    if case .number(let number) = wireValue, JSONNumberGrammar.isInteger(number.text) {
      return nil
    }
    return WireAnomaly(
      path: path, documentedType: Self.documentedWireType, found: wireValue.jsonValue,
      readAs: wireValue.stringValue == nil ? nil : milliseconds.map(String.init))
  }
}
