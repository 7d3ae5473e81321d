function layers = layersFromJava(la)
%LAYERSFROMJAVA  The layer array of a network, rebuilt from the Java side's layers in one call (internal).
rows = reshape(bigru.internal.cellOfStrings(la.fields()), 3, [], double(la.count()));
parts = cell(size(rows, 3), 1);
for i = 1:numel(parts)
  parts{i} = bigru.internal.structFromRows(rows(:, :, i), struct());
end
layers = vertcat(parts{:});
end
