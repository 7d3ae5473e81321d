function la = layerArray(layers, fname)
%LAYERARRAY  A layer array checked by the Java side (internal); errors name the layer.
%   The layers cross as one array per field (which MATLAB and Octave pass in one call each); the Java side
%   makes one record per layer of them, then takes sequenceInputLayer's normalization and statistics.
if ~isstruct(layers) || ~isfield(layers, 'Type') || ~isfield(layers, 'NumHiddenUnits')
  bigru.internal.fail(fname, 'invalidLayers', ['layers must be a layer array built from bigru layers, for ' ...
                      'example [sequenceInputLayer(3); bigruLayer(64); fullyConnectedLayer(1); regressionLayer]']);
end
layers = layers(:);
n = numel(layers);
sizes = NaN(n, 1);
for i = 1:n
  l = layers(i);
  switch l.Type
    case 'sequenceInput'
      v = l.InputSize;
    case {'bigru', 'gru', 'bilstm', 'lstm'}
      v = l.NumHiddenUnits;
    case 'fullyConnected'
      v = l.OutputSize;
    case 'dropout'
      v = l.Probability;
    otherwise
      v = NaN;
  end
  if ~isempty(v)
    sizes(i) = double(v(1));
  end
end
try
  la = javaMethod('fromMatlab', bigru.internal.javaClass('LayerArray'), {layers.Type}, {layers.Name}, sizes, ...
                  {layers.OutputMode}, {layers.ResetGateMode}, {layers.MergeMode});
  if isfield(layers, 'Normalization') && ~isempty(layers(1).Normalization)
    first = layers(1);
    la = la.withInputNormalization(first.Normalization, first.NormalizationDimension, column(first.Mean), ...
                                   column(first.StandardDeviation), column(first.Min), column(first.Max));
  end
catch err
  bigru.internal.javaError(err, fname, 'invalidLayers');
end
end

function v = column(v)
% A statistic as it crosses: a column of doubles ([] when not given).
v = double(v(:));
end
