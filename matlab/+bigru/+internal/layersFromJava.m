function layers = layersFromJava(la)
%LAYERSFROMJAVA  The layer array of a network, rebuilt from the Java side's description (internal).
types = bigru.internal.cellOfStrings(la.types());
names = bigru.internal.cellOfStrings(la.names());
sizes = double(la.sizes());
outputModes = bigru.internal.cellOfStrings(la.outputModes());
resetModes = bigru.internal.cellOfStrings(la.resetGateModes());
mergeModes = bigru.internal.cellOfStrings(la.mergeModes());
parts = cell(numel(types), 1);
for i = 1:numel(types)
  switch types{i}
    case 'sequenceInput'
      l = bigru.sequenceInputLayer(sizes(i));
    case {'bigru', 'gru'}
      l = bigru.internal.layer(types{i}, '', 'NumHiddenUnits', sizes(i), 'OutputMode', outputModes{i}, ...
                               'ResetGateMode', resetModes{i}, 'MergeMode', mergeModes{i});
    case 'fullyConnected'
      l = bigru.fullyConnectedLayer(sizes(i));
    case 'dropout'
      l = bigru.dropoutLayer(sizes(i));
    otherwise
      l = bigru.internal.layer(types{i}, '');
  end
  l.Name = names{i};
  parts{i} = l;
end
layers = vertcat(parts{:});
end
